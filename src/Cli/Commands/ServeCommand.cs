using System;
using System.CommandLine;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
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
            var level = CliLog.LevelOption();
            var command = new Command("serve", "Run the RTMP server: publish to it from OBS or FFmpeg, play from it with ffplay or VLC.") { listen, record, level };
            command.SetAction((parse, cancel) => RunAsync(parse.GetValue(listen)!, parse.GetValue(record), CliLog.Create(parse.GetValue(level)), cancel));
            return command;
        }

        private static async Task<int> RunAsync(IPEndPoint endpoint, DirectoryInfo? record, Serilog.Core.Logger log, CancellationToken stop)
        {
            using (log)
            {
                var options = new RtmpServerOptions { Endpoint = endpoint, RecordDirectory = record?.FullName };
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
