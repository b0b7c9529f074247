using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Cli.Streaming;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Helpers;
using RtmpXProtect.Engine.Streaming.Running;
using RtmpXProtect.Engine.Streaming.Sources;
using RtmpXProtect.Engine.XProtect.Live;
using Serilog;
using Serilog.Events;

namespace RtmpXProtect.Cli.Commands
{
    /// <summary>
    /// `rtmpx stream run`: one stream in the foreground, either a configured one (NAME --config FILE,
    /// which is how `rtmpx serve` starts its helpers, with --report) or a one-off from --source and --to.
    /// </summary>
    internal static class StreamRunCommand
    {
        private static readonly TimeSpan StatusInterval = TimeSpan.FromMilliseconds(500);

        public static Command Create()
        {
            var name = new Argument<string?>("NAME") { Description = "A stream of the configuration file (streams[].name).", Arity = ArgumentArity.ZeroOrOne };
            var config = new Option<FileInfo?>("--config") { Description = "The rtmpx.json that defines NAME; for a one-off stream, where its xprotect section is (for --source xprotect:CAMERA)." };
            var report = new Option<bool>("--report") { Description = "Write JSON report lines on standard output and stop when standard input closes (how rtmpx serve runs its helpers; docs/HELPER-PROTOCOL.md)." };
            var source = new Option<string?>("--source") { Description = "A one-off stream's source: an rtmp:// or rtmps:// URL, xprotect:CAMERA (an XProtect camera by id or name; needs --config with an xprotect section), an .flv or .mp4 file (looped), a .gbd file or gbd:FILE (GenericByteData)." };
            var to = new Option<string[]>("--to") { Description = "A destination URL; '-' reads URLs from standard input, one per line. A URL given here is visible to every user in the process list: prefer '-' or --to-file.", Arity = ArgumentArity.ZeroOrMore };
            var toFile = new Option<FileInfo?>("--to-file") { Description = "A file of destination URLs, one per line." };
            var audio = new Option<AudioMode>("--audio") { Description = "Auto (source audio, else silent AAC), Passthrough, Silent or None.", DefaultValueFactory = _ => AudioMode.Auto };
            var untrusted = new Option<bool>("--allow-untrusted") { Description = "Accept destination certificates that do not validate (self-signed test servers)." };
            var level = CliLog.LevelOption();
            var command = new Command("run", "Run one stream in the foreground until Ctrl+C: a configured one by NAME, or a one-off from --source to --to.")
            {
                name, config, report, source, to, toFile, audio, untrusted, level,
            };
            command.Validators.Add(result =>
            {
                var named = result.GetValue(name) != null;
                var oneOff = result.GetValue(source) != null || (result.GetValue(to)?.Length ?? 0) > 0 || result.GetValue(toFile) != null;
                if (named && oneOff)
                {
                    result.AddError("Give NAME --config FILE or --source and --to, not both.");
                }
                else if (named && result.GetValue(config) == null)
                {
                    result.AddError("NAME needs --config FILE.");
                }
                else if (!named && result.GetValue(source) == null)
                {
                    result.AddError("Give NAME --config FILE, or --source SOURCE --to URL.");
                }
                else if (!named && (result.GetValue(to)?.Length ?? 0) == 0 && result.GetValue(toFile) == null)
                {
                    result.AddError("--source needs at least one --to URL, --to - or --to-file FILE.");
                }
                else if (!named && result.GetValue(report))
                {
                    result.AddError("--report is for configured streams (NAME --config FILE).");
                }
            });
            command.SetAction(async (parse, cancel) =>
            {
                await Task.Yield();
                var reporting = parse.GetValue(report);
                var writer = reporting ? new ReportWriter(Console.Out) : null;
                using var log = writer != null
                    ? new LoggerConfiguration().MinimumLevel.Is(parse.GetValue(level)).WriteTo.Sink(writer).CreateLogger()
                    : CliLog.Create(parse.GetValue(level));
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                if (reporting && !WatchSupervisor(stop, log))
                {
                    return 3;
                }

                StreamDefinition? stream = null;
                string? error = null;
                var file = parse.GetValue(config);
                // A wrong xprotect section is reported before any stream starts.
                var xprotect = file == null ? null : XProtectOf(file, out error);
                if (error == null && parse.GetValue(name) is string streamName)
                {
                    stream = Configured(streamName, file!, out error);
                }
                else if (error == null)
                {
                    stream = OneOff(parse.GetValue(source)!, parse.GetValue(to) ?? Array.Empty<string>(), parse.GetValue(toFile), parse.GetValue(audio), parse.GetValue(untrusted), log, out error);
                }

                if (stream == null)
                {
                    log.Error("{Error}", error);
                    return 2;
                }

                return await RunAsync(stream, new FrameSourceContext { XProtect = xprotect }, writer, log, stop.Token);
            });
            return command;
        }

        private static async Task<int> RunAsync(StreamDefinition stream, FrameSourceContext sources, ReportWriter? writer, ILogger log, CancellationToken stop)
        {
            // No ingest server here: serve runs ingest: streams in its own process. An rtmps:// source is
            // always validated: allowUntrustedCertificate is a destination's setting.
            var streamer = new Streamer(stream, s => FrameSources.Create(s.Source, sources), new StreamerOptions { Logger = log });
            streamer.EventRaised += e =>
            {
                writer?.Event(e);
                if (writer == null)
                {
                    LogForOperator(log, e);
                }
            };
            using var reporting = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var status = writer == null ? Task.CompletedTask : ReportStatusAsync(writer, streamer, reporting.Token);
            try
            {
                await streamer.RunAsync(stop);
                return 0;
            }
            catch (FrameSourceException e)
            {
                // A source of a form this process cannot read (ingest: outside serve): nothing to retry.
                log.Error("{Stream}: {Error}", stream.Name, e.Message);
                return 2;
            }
            finally
            {
                reporting.Cancel();
                await status;
                writer?.Status(streamer.Status());
            }
        }

        // The streamer logs the stream's state, each destination's errors and backoff, and the stop;
        // what an operator watching the terminal also wants is each destination's state.
        private static void LogForOperator(ILogger log, StreamerEvent e)
        {
            if (e.Kind == StreamerEventKind.DestinationStateChanged)
            {
                log.Information("{Stream} → {Destination}: {State}", e.Stream, e.Destination, e.Message);
            }
        }

        // About twice a second, as the XProtect plugin's live view refreshes.
        private static async Task ReportStatusAsync(ReportWriter writer, Streamer streamer, CancellationToken stop)
        {
            using var timer = new PeriodicTimer(StatusInterval);
            try
            {
                writer.Status(streamer.Status());
                while (await timer.WaitForNextTickAsync(stop))
                {
                    writer.Status(streamer.Status());
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        // The supervisor going away in any way ends this helper: stdin closes when it dies, and on
        // Linux the kernel also sends SIGTERM (which System.CommandLine turns into cancellation).
        private static bool WatchSupervisor(CancellationTokenSource stop, ILogger log)
        {
            if (int.TryParse(Environment.GetEnvironmentVariable(HelperLauncher.SupervisorPidVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var supervisor)
                && !ParentDeathSignal.Request(supervisor))
            {
                log.Error("The supervisor (pid {Pid}) is gone already; not starting", supervisor);
                return false;
            }

            var thread = new Thread(() =>
            {
                try
                {
                    while (Console.In.ReadLine() != null)
                    {
                    }
                }
                catch (IOException)
                {
                }

                log.Information("Standard input closed: the supervisor stopped this stream or is gone");
                stop.Cancel();
            })
            {
                IsBackground = true,
                Name = "stdin watch",
            };
            thread.Start();
            return true;
        }

        // The XProtect site of the file, its password read; null when the file names none.
        private static XProtectSourceOptions? XProtectOf(FileInfo file, out string? error)
        {
            error = null;
            try
            {
                var server = XProtectMapper.ToServerOptions(RtmpxConfigLoader.Load(file.FullName).XProtect, file.DirectoryName ?? Directory.GetCurrentDirectory());
                return server == null ? null : new XProtectSourceOptions { Server = server };
            }
            catch (RtmpxConfigException e)
            {
                error = $"{file.FullName}: {string.Join("; ", e.Errors)}";
                return null;
            }
        }

        private static StreamDefinition? Configured(string name, FileInfo file, out string? error)
        {
            try
            {
                var config = RtmpxConfigLoader.Load(file.FullName);
                var stream = StreamsMapper.ToStreamDefinitions(config, file.DirectoryName ?? Directory.GetCurrentDirectory())
                    .FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
                error = stream == null ? $"{file.FullName} defines no stream named {name}." : null;
                return stream;
            }
            catch (RtmpxConfigException e)
            {
                error = $"{file.FullName}: {string.Join("; ", e.Errors)}";
                return null;
            }
        }

        private static StreamDefinition? OneOff(string source, string[] to, FileInfo? toFile, AudioMode audio, bool untrusted, ILogger log, out string? error)
        {
            var urls = DestinationUrls.Read(to, toFile, log, out error);
            if (urls == null)
            {
                return null;
            }

            return new StreamDefinition
            {
                Name = "one-off",
                Source = source,
                Audio = audio,
                Destinations = urls.Select(u => new DestinationDefinition { Url = u, AllowUntrustedCertificate = untrusted }).ToList(),
            };
        }
    }
}
