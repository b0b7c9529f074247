using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Management;

namespace RtmpXProtect.PSModule.Streams
{
    /// <summary>Get-RtmpStreamLog: a stream's recent log lines from the running server (rtmpx stream logs), -Wait follows them.</summary>
    [Cmdlet(VerbsCommon.Get, "RtmpStreamLog")]
    [OutputType(typeof(LogLine))]
    public sealed class GetRtmpStreamLogCommand : RtmpCmdlet
    {
        // The server keeps the lines in a ring; asking once a second keeps up with any realistic log rate.
        private static readonly TimeSpan FollowInterval = TimeSpan.FromSeconds(1);

        // The most lines the server returns per request (what `rtmpx stream logs` asks for too).
        private const int MaxLines = 1000;

        /// <summary>The stream whose log to show.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(StreamNameCompleter))]
        public string Name { get; set; } = string.Empty;

        /// <summary>How many of the latest lines to show first.</summary>
        [Parameter]
        [ValidateRange(0, MaxLines)]
        public int Tail { get; set; } = 40;

        /// <summary>Keep showing new lines until Ctrl+C.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>The status API of the running `rtmpx serve`; http://127.0.0.1:1985 when omitted.</summary>
        [Parameter]
        public Uri? Api { get; set; }

        /// <summary>Writes the tail, then with -Wait the lines after the last one seen, until Ctrl+C.</summary>
        protected override void ProcessRecord()
        {
            using var client = new StatusApiClient(Api);
            long? after = null;
            try
            {
                do
                {
                    var lines = Fetch(client, after);
                    if (lines == null)
                    {
                        return;
                    }

                    foreach (var line in lines)
                    {
                        WriteObject(line);
                        after = line.Sequence;
                    }

                    // From here on every line after the tail (sequences start at 1), as `rtmpx stream logs
                    // --follow` asks: with after still null, -Tail 0 -Wait asked for 0 lines forever.
                    after ??= 0;
                    if (Wait)
                    {
                        Await(Task.Delay(FollowInterval, Cancellation));
                    }
                }
                while (Wait);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C ends -Wait: nothing to report.
            }
        }

        private IReadOnlyList<LogLine>? Fetch(StatusApiClient client, long? after)
        {
            try
            {
                var lines = Await(client.GetStreamLogAsync(Name, after == null ? Tail : MaxLines, after, Cancellation));
                if (lines == null)
                {
                    Report(new ItemNotFoundException($"The server runs no stream named '{Name}'."), "StreamNotFound", ErrorCategory.ObjectNotFound, Name);
                }

                return lines;
            }
            catch (StatusApiException e)
            {
                Report(e, "ServerNotReachable", ErrorCategory.ConnectionError, Api ?? StatusApiClient.DefaultApi);
                return null;
            }
        }
    }
}
