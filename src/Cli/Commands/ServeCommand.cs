using System;
using System.CommandLine;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Server.Access;
using Serilog;

namespace RtmpXProtect.Cli.Commands
{
    /// <summary>`rtmpx serve`: the RTMP server, until Ctrl+C or SIGTERM.</summary>
    internal static class ServeCommand
    {
        public static Command Create()
        {
            var listen = new Option<IPEndPoint>("--listen")
            {
                Description = "Address and port to listen on (port 0 picks a free one).",
                DefaultValueFactory = _ => new IPEndPoint(IPAddress.Any, 1935),
                CustomParser = result =>
                {
                    var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                    if (IPEndPoint.TryParse(text, out var endpoint) && text.Contains(':'))
                    {
                        return endpoint;
                    }

                    result.AddError($"--listen must be ADDRESS:PORT, such as 0.0.0.0:1935 or [::]:1935 (got '{text}').");
                    return null;
                },
            };
            var record = new Option<DirectoryInfo?>("--record") { Description = "Record every publish to an FLV file in this folder." };
            var keyFile = new Option<FileInfo?>("--publish-key-file") { Description = "Publishers need a key from this file: lines 'KEY' (any path) or 'PATH KEY' (live/cam1 KEY); encoders send it as rtmp://host/live/cam1?key=KEY." };
            var mode = new Option<AccessMode>("--access-mode") { Description = "open: any path with a valid key; fixed: only the paths listed in the key file.", DefaultValueFactory = _ => AccessMode.Open };
            var secretFile = new Option<FileInfo?>("--secret-file") { Description = "Accept signed URLs (rtmpx token new) made with the secret in this file." };
            var takeover = new Option<TakeoverPolicy>("--takeover") { Description = "None: a second publisher of a path is refused; SameKey: one with the same key replaces the old session at once.", DefaultValueFactory = _ => TakeoverPolicy.None };
            var level = CliLog.LevelOption();
            var command = new Command("serve", "Run the RTMP server: publish to it from OBS or FFmpeg, play from it with ffplay or VLC.") { listen, record, keyFile, mode, secretFile, takeover, level };
            command.SetAction((parse, cancel) =>
            {
                var log = CliLog.Create(parse.GetValue(level));
                var access = Access(parse.GetValue(keyFile), parse.GetValue(mode), parse.GetValue(secretFile), parse.GetValue(takeover), out var error);
                if (error != null)
                {
                    log.Error("{Error}", error);
                    log.Dispose();
                    return Task.FromResult(2);
                }

                return RunAsync(parse.GetValue(listen)!, parse.GetValue(record), access, log, cancel);
            });
            return command;
        }

        // Null when no option asks for access control: the open server of before.
        private static AccessPolicy? Access(FileInfo? keyFile, AccessMode mode, FileInfo? secretFile, TakeoverPolicy takeover, out string? error)
        {
            error = null;
            if (keyFile == null && secretFile == null)
            {
                return null;
            }

            var policy = new AccessPolicy { Mode = mode, Takeover = takeover };
            if (keyFile != null && !PublishKeyFile.TryLoad(keyFile.FullName, policy, out error))
            {
                return null;
            }

            if (secretFile != null)
            {
                policy.SigningSecret = SigningSecret.Read(secretFile, null, out error);
                if (policy.SigningSecret == null)
                {
                    return null;
                }
            }

            return policy;
        }

        private static async Task<int> RunAsync(IPEndPoint endpoint, DirectoryInfo? record, AccessPolicy? access, Serilog.Core.Logger log, CancellationToken stop)
        {
            using (log)
            {
                var options = new RtmpServerOptions { Endpoint = endpoint, RecordDirectory = record?.FullName, Access = access };
                await using var server = new RtmpServer(options, log);
                try
                {
                    server.Start();
                }
                catch (System.Net.Sockets.SocketException e)
                {
                    log.Error("Cannot listen on {Endpoint}: {Error}", endpoint, e.Message);
                    return 2;
                }

                var bound = server.LocalEndPoint;
                var host = IPAddress.Any.Equals(bound.Address) || IPAddress.IPv6Any.Equals(bound.Address) ? Dns.GetHostName() : bound.Address.ToString();
                var shown = bound.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && host.Contains(':') ? $"[{host}]" : host;
                log.Information("rtmpx listening on {Endpoint}", bound);
                log.Information("Publish: ffmpeg -re -i INPUT -c copy -f flv rtmp://{Host}:{Port}/live/STREAM  (OBS: server rtmp://{Host}:{Port}/live, stream key STREAM)", shown, bound.Port, shown, bound.Port);
                log.Information("Play:    ffplay rtmp://{Host}:{Port}/live/STREAM  (VLC: Media > Open Network Stream)", shown, bound.Port);
                if (access != null)
                {
                    log.Information(
                        "Publishing needs a key ({Mode} mode, {Paths} paths with their own keys, {Keys} keys for any path){Signed}; add ?key=KEY to the stream name",
                        access.Mode,
                        access.Paths.Count,
                        access.PublishKeys.Count,
                        access.SigningSecret != null ? " or a signed URL" : string.Empty);
                }

                if (options.RecordDirectory != null)
                {
                    log.Information("Recording every publish to {Directory}", options.RecordDirectory);
                }

                try
                {
                    await Task.Delay(Timeout.Infinite, stop);
                }
                catch (OperationCanceledException)
                {
                    log.Information("Stopping: closing {Connections} connections and finalising recordings", server.ConnectionCount);
                }

                await server.StopAsync();
                log.Information("Stopped");
                return 0;
            }
        }
    }
}
