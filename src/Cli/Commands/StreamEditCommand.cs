using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Engine.Streaming;
using Serilog;

namespace RtmpXProtect.Cli.Commands
{
    /// <summary>
    /// `rtmpx stream add|set|remove|start|stop`: the stream definitions of an rtmpx.json, through
    /// the same <see cref="StreamStore"/> New-/Set-/Remove-/Start-/Stop-RtmpStream use. A running
    /// `rtmpx serve --config` reloads the file and starts or stops the stream changed.
    /// </summary>
    internal static class StreamEditCommand
    {
        public static IEnumerable<Command> Create()
        {
            yield return Add();
            yield return Set();
            yield return Remove();
            yield return Enable("start", "Enable a stream: a running rtmpx serve starts it.", true);
            yield return Enable("stop", "Disable a stream (kept in the file): a running rtmpx serve stops it.", false);
        }

        private static Option<FileInfo?> ConfigOption() => new Option<FileInfo?>("--config") { Description = "The rtmpx.json to edit ($RTMPX_CONFIG, else the system's rtmpx.json)." };

        private static Argument<string> NameArgument() => new Argument<string>("NAME") { Description = "The stream's name: letters, digits, '-', '_' or '.'." };

        private static Command Add()
        {
            var name = NameArgument();
            var config = ConfigOption();
            var source = new Option<string>("--source") { Description = "An rtmp:// or rtmps:// URL, ingest:APP/STREAM, xprotect:CAMERA, an .flv or .mp4 file, a .gbd file or gbd:FILE.", Required = true };
            var to = ToOption();
            var toFile = ToFileOption();
            var audio = new Option<AudioMode>("--audio") { Description = "Auto, Passthrough, Silent or None.", DefaultValueFactory = _ => AudioMode.Auto };
            var video = new Option<VideoCodecPolicy>("--video") { Description = "Passthrough or RequireH264.", DefaultValueFactory = _ => VideoCodecPolicy.Passthrough };
            var disabled = new Option<bool>("--disabled") { Description = "Add it without running it (rtmpx stream start NAME runs it)." };
            var untrusted = new Option<bool>("--allow-untrusted") { Description = "Accept destination certificates that do not validate (self-signed test servers)." };
            var command = new Command("add", "Add a stream to the configuration; its destination URLs are kept in rtmpx.secrets next to it, not in rtmpx.json.")
            {
                name, source, to, toFile, audio, video, disabled, untrusted, config,
            };
            command.SetAction(parse => Edit(parse.GetValue(config), (store, log) =>
            {
                var urls = DestinationUrls.Read(parse.GetValue(to) ?? Array.Empty<string>(), parse.GetValue(toFile), log, out var error);
                if (urls == null)
                {
                    log.Error("{Error}", error);
                    return 2;
                }

                var added = store.Add(new StreamDefinition
                {
                    Name = parse.GetValue(name)!,
                    Source = parse.GetValue(source)!,
                    Audio = parse.GetValue(audio),
                    Video = parse.GetValue(video),
                    Enabled = !parse.GetValue(disabled),
                    Destinations = urls.Select(u => new DestinationDefinition { Url = u, AllowUntrustedCertificate = parse.GetValue(untrusted) }).ToList(),
                });
                Print(store, added, "Added");
                return 0;
            }));
            return command;
        }

        private static Command Set()
        {
            var name = NameArgument();
            var config = ConfigOption();
            var source = new Option<string?>("--source") { Description = "A new source." };
            var to = ToOption();
            var toFile = ToFileOption();
            var audio = new Option<AudioMode?>("--audio") { Description = "Auto, Passthrough, Silent or None." };
            var video = new Option<VideoCodecPolicy?>("--video") { Description = "Passthrough or RequireH264." };
            var untrusted = new Option<bool?>("--allow-untrusted") { Description = "Accept (true) or refuse (false) destination certificates that do not validate." };
            var rename = new Option<string?>("--new-name") { Description = "Rename the stream." };
            var command = new Command("set", "Change a stream of the configuration; what is not given stays. --to/--to-file replace all its destinations.")
            {
                name, source, to, toFile, audio, video, untrusted, rename, config,
            };
            command.SetAction(parse => Edit(parse.GetValue(config), (store, log) =>
            {
                List<string>? urls = null;
                if ((parse.GetValue(to)?.Length ?? 0) > 0 || parse.GetValue(toFile) != null)
                {
                    urls = DestinationUrls.Read(parse.GetValue(to) ?? Array.Empty<string>(), parse.GetValue(toFile), log, out var error);
                    if (urls == null)
                    {
                        log.Error("{Error}", error);
                        return 2;
                    }
                }

                var changed = store.Update(parse.GetValue(name)!, stream =>
                {
                    stream.Source = parse.GetValue(source) ?? stream.Source;
                    stream.Audio = parse.GetValue(audio) ?? stream.Audio;
                    stream.Video = parse.GetValue(video) ?? stream.Video;
                    stream.Name = parse.GetValue(rename) ?? stream.Name;
                    var allow = parse.GetValue(untrusted);
                    if (urls != null)
                    {
                        stream.Destinations = urls.Select(u => new DestinationDefinition { Url = u, AllowUntrustedCertificate = allow ?? false }).ToList();
                    }
                    else if (allow != null)
                    {
                        stream.Destinations.ForEach(d => d.AllowUntrustedCertificate = allow.Value);
                    }
                });
                Print(store, changed, "Changed");
                return 0;
            }));
            return command;
        }

        private static Command Remove()
        {
            var name = NameArgument();
            var config = ConfigOption();
            var command = new Command("remove", "Remove a stream and its destination URL files from the configuration.") { name, config };
            command.SetAction(parse => Edit(parse.GetValue(config), (store, log) =>
            {
                if (!store.Remove(parse.GetValue(name)!))
                {
                    log.Error("{File} has no stream named {Name}.", store.ConfigPath, parse.GetValue(name));
                    return 1;
                }

                Console.Out.WriteLine($"Removed {parse.GetValue(name)} from {store.ConfigPath}");
                return 0;
            }));
            return command;
        }

        private static Command Enable(string verb, string description, bool enabled)
        {
            var name = NameArgument();
            var config = ConfigOption();
            var command = new Command(verb, description) { name, config };
            command.SetAction(parse => Edit(parse.GetValue(config), (store, _) =>
            {
                Print(store, store.SetEnabled(parse.GetValue(name)!, enabled), enabled ? "Enabled" : "Disabled");
                return 0;
            }));
            return command;
        }

        private static Option<string[]> ToOption() => new Option<string[]>("--to")
        {
            Description = "A destination URL; '-' reads URLs from standard input, one per line. A URL given here is visible to every user in the process list: prefer '-' or --to-file.",
            Arity = ArgumentArity.ZeroOrMore,
        };

        private static Option<FileInfo?> ToFileOption() => new Option<FileInfo?>("--to-file") { Description = "A file of destination URLs, one per line." };

        private static int Edit(FileInfo? config, Func<StreamStore, ILogger, int> action)
        {
            using var log = CliLog.Create(Serilog.Events.LogEventLevel.Information);
            var store = new StreamStore(config?.FullName ?? StreamStore.DefaultConfigPath);
            try
            {
                return action(store, log);
            }
            catch (StreamStoreException e)
            {
                log.Error("{Error}", e.Message);
                return 1;
            }
            catch (RtmpxConfigException e)
            {
                log.Error("{File}: {Errors}", store.ConfigPath, string.Join("; ", e.Errors));
                return 2;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                log.Error("Cannot write {File}: {Error}", store.ConfigPath, e.Message);
                return 1;
            }
        }

        private static void Print(StreamStore store, StreamDefinition stream, string what)
            => Console.Out.WriteLine($"{what} {stream.Name} in {store.ConfigPath}: {(stream.Enabled ? "enabled" : "disabled")}, {stream.ShownSource} -> {string.Join(", ", stream.Destinations.Select(d => d.Shown))}");
    }
}
