using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.XProtect.Connection;
using RtmpXProtect.Engine.XProtect.Export;
using Spectre.Console;

namespace RtmpXProtect.Cli.XProtect
{
    /// <summary>`rtmpx xprotect export`: a camera's recording from one time to another, into an MP4 file.</summary>
    internal static class XProtectExportCommand
    {
        private static readonly JsonSerializerOptions ExportJson = CliJson.Resolving(new JsonSerializerOptions());

        public static Command Create()
        {
            var connection = new XProtectConnectionOptions();
            var camera = new Option<string>("--camera") { Description = "The camera: its id, or its unique name.", Required = true };
            var from = new Option<string>("--from") { Description = "Start: an ISO 8601 time (2026-01-01T08:00:00Z; without an offset, local time).", Required = true };
            var to = new Option<string>("--to") { Description = "End (exclusive), in the same form.", Required = true };
            var output = new Option<FileInfo>("--out") { Description = "The MP4 file to write.", Required = true };
            var fragmented = new Option<bool>("--fragmented") { Description = "Fragmented MP4: readable while written and after a crash. Default: faststart (the index at the front)." };
            var skipGaps = new Option<bool>("--skip-gaps") { Description = "Close gaps in the recording instead of keeping them as time without pictures." };
            var depth = new Option<int>("--pipeline") { Description = "Playback requests kept in flight (1–32).", DefaultValueFactory = _ => 5 };
            var json = new Option<bool>("--json") { Description = "Write the summary as one JSON object." };
            var command = new Command("export", "Export a camera's recording to MP4 without FFmpeg: any length, the recording's own times, gaps kept, B-frames and H.265 as recorded.")
            {
                camera, from, to, output, fragmented, skipGaps, depth, json,
            };
            connection.AddTo(command);
            command.SetAction(async (parse, cancel) =>
            {
                var server = connection.Read(parse, out var error);
                if (server == null)
                {
                    Console.Error.WriteLine(error);
                    return 2;
                }

                if (!TryTime(parse.GetValue(from)!, "--from", out var start) || !TryTime(parse.GetValue(to)!, "--to", out var end))
                {
                    return 2;
                }

                var request = new ExportRequest
                {
                    Server = server,
                    Camera = parse.GetValue(camera)!,
                    From = start,
                    To = end,
                    OutputPath = parse.GetValue(output)!.FullName,
                    Fragmented = parse.GetValue(fragmented),
                    SkipGaps = parse.GetValue(skipGaps),
                    PipelineDepth = parse.GetValue(depth),
                };
                try
                {
                    var summary = Console.IsErrorRedirected || Console.IsOutputRedirected || parse.GetValue(json)
                        ? await XProtectExporter.RunAsync(request, null, cancel)
                        : await WithProgressBarAsync(request, cancel);
                    Console.Out.WriteLine(parse.GetValue(json) ? CliJson.Serialize(summary, ExportJson) : Describe(summary, request.SkipGaps));
                    return 0;
                }
                catch (ArgumentException e)
                {
                    Console.Error.WriteLine(e.Message.Split(" (Parameter")[0]);
                    return 2;
                }
                catch (XProtectException e)
                {
                    Console.Error.WriteLine(e.Message);
                    return e is XProtectAuthenticationException ? 3 : 1;
                }
                catch (IOException e)
                {
                    Console.Error.WriteLine($"Cannot write {request.OutputPath}: {e.Message}");
                    return 1;
                }
            });
            return command;
        }

        private static Task<ExportSummary> WithProgressBarAsync(ExportRequest request, CancellationToken cancel) =>
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("Exporting", maxValue: 1000);
                    var progress = new Progress<ExportProgress>(p =>
                    {
                        task.Value = p.Fraction * 1000;
                        task.Description = string.Format(CultureInfo.InvariantCulture, "{0} frames, {1:0.0}× real time, {2:0.0} MB", p.Frames, p.TimesRealTime, p.Bytes / 1e6);
                    });
                    var summary = await XProtectExporter.RunAsync(request, progress, cancel);
                    task.Value = 1000;
                    return summary;
                });

        private static string Describe(ExportSummary s, bool gapsClosed) => string.Format(
            CultureInfo.InvariantCulture,
            "Exported {0} frames ({1:hh\\:mm\\:ss\\.fff}) of camera {2} to {3}: {4}, {5} gap{6} ({7:0.0} s {8}), {9:0.0} MB in {10:0.0} s ({11:0.0} MB/s, {12:0}× real time), {13} resume{14}.",
            s.Frames, s.Duration, s.Camera, s.Path, s.Codec, s.Gaps, s.Gaps == 1 ? string.Empty : "s", s.GapTime.TotalSeconds, gapsClosed ? "closed" : "kept",
            s.Bytes / 1e6, s.Elapsed.TotalSeconds, s.MegabytesPerSecond, s.TimesRealTime, s.Resumes, s.Resumes == 1 ? string.Empty : "s")
            + (s.EndedEarly == null ? string.Empty : " The file ends early: " + s.EndedEarly + ".");

        private static bool TryTime(string text, string option, out DateTimeOffset time)
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out time))
            {
                return true;
            }

            Console.Error.WriteLine($"{option} must be an ISO 8601 time such as 2026-01-01T08:00:00Z.");
            return false;
        }
    }
}
