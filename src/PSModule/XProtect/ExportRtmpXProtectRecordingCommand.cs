using System;
using System.Management.Automation;
using System.Threading.Tasks;
using RtmpXProtect.Engine.XProtect.Connection;
using RtmpXProtect.Engine.XProtect.Export;

namespace RtmpXProtect.PSModule.XProtect
{
    /// <summary>
    /// Export-RtmpXProtectRecording: a camera's recording from one time to another into an MP4 file
    /// (rtmpx xprotect export), with Write-Progress. Takes the camera from Get-VmsCamera or
    /// Get-RtmpXProtectCamera objects by their Id.
    /// </summary>
    [Cmdlet(VerbsData.Export, "RtmpXProtectRecording", SupportsShouldProcess = true)]
    [OutputType(typeof(ExportSummary))]
    public sealed class ExportRtmpXProtectRecordingCommand : XProtectCmdlet
    {
        /// <summary>The camera: its id or unique name; Get-VmsCamera's Id binds here from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "CameraId")]
        public string Camera { get; set; } = string.Empty;

        /// <summary>Start of the range; the export starts at the key frame at or before it.</summary>
        [Parameter(Mandatory = true)]
        public DateTimeOffset From { get; set; }

        /// <summary>End of the range (exclusive).</summary>
        [Parameter(Mandatory = true)]
        public DateTimeOffset To { get; set; }

        /// <summary>The MP4 file to write; {0} in it is replaced by the camera, for a pipeline of cameras.</summary>
        [Parameter(Mandatory = true)]
        public string Path { get; set; } = string.Empty;

        /// <summary>Fragmented MP4: readable while written and after a crash.</summary>
        [Parameter]
        public SwitchParameter Fragmented { get; set; }

        /// <summary>Close gaps in the recording instead of keeping them as time without pictures.</summary>
        [Parameter]
        public SwitchParameter SkipGaps { get; set; }

        /// <summary>Exports the recording of one camera per pipeline item.</summary>
        protected override void ProcessRecord()
        {
            var path = GetUnresolvedProviderPathFromPSPath(string.Format(System.Globalization.CultureInfo.InvariantCulture, Path, Camera));
            if (!ShouldProcess(path, $"Export camera {Camera} from {From:u} to {To:u}"))
            {
                return;
            }

            var request = new ExportRequest { Server = ServerOptions(), Camera = Camera, From = From, To = To, OutputPath = path, Fragmented = Fragmented, SkipGaps = SkipGaps };
            var record = new ProgressRecord(1, $"Export-RtmpXProtectRecording {Camera}", "connecting");
            var reported = new ReportedProgress();
            var export = XProtectExporter.RunAsync(request, reported, Cancellation);

            // Write-Progress must come from the pipeline thread: it waits here while the export runs.
            while (!export.IsCompleted)
            {
                Task.WhenAny(export, Task.Delay(250)).GetAwaiter().GetResult();
                if (reported.Latest is ExportProgress p)
                {
                    record.PercentComplete = (int)(p.Fraction * 100);
                    record.StatusDescription = $"{p.Frames} frames, {p.TimesRealTime:0.0}x real time, {p.Bytes / 1e6:0.0} MB";
                    record.SecondsRemaining = p.Remaining is TimeSpan left ? (int)left.TotalSeconds : -1;
                    WriteProgress(record);
                }
            }

            record.RecordType = ProgressRecordType.Completed;
            WriteProgress(record);
            try
            {
                WriteObject(Await(export));
            }
            catch (XProtectException e)
            {
                Report(e, e is XProtectAuthenticationException ? "LoginRefused" : "ExportFailed", e is XProtectAuthenticationException ? ErrorCategory.AuthenticationError : ErrorCategory.ReadError, Camera);
            }
            catch (System.IO.IOException e)
            {
                Report(e, "ExportNotWritten", ErrorCategory.WriteError, path);
            }
            catch (OperationCanceledException)
            {
            }
        }

        // The engine reports from its own threads; the pipeline thread reads the latest.
        private sealed class ReportedProgress : IProgress<ExportProgress>
        {
            private ExportProgress? _latest;

            public ExportProgress? Latest => System.Threading.Volatile.Read(ref _latest);

            public void Report(ExportProgress value) => System.Threading.Volatile.Write(ref _latest, value);
        }
    }
}
