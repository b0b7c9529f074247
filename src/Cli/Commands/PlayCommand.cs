using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Rtmp;

namespace RtmpXProtect.Cli.Commands
{
    /// <summary>`rtmpx play URL [--out FILE.flv]`: plays a stream, into a file or just counting it.</summary>
    internal static class PlayCommand
    {
        public static Command Create()
        {
            var url = UrlArgument.Create();
            var output = new Option<FileInfo?>("--out") { Description = "Write what arrives to this FLV file ('-' for standard output)." };
            var seconds = new Option<double?>("--duration") { Description = "Stop after this many seconds." };
            var insecure = new Option<bool>("--allow-untrusted") { Description = "For rtmps: accept a certificate that does not validate." };
            var level = CliLog.LevelOption();
            var command = new Command("play", "Play a stream from an RTMP(S) server.") { url, output, seconds, insecure, level };
            command.SetAction((parse, cancel) => RunAsync(parse.GetValue(url)!, parse.GetValue(output), parse.GetValue(seconds), parse.GetValue(insecure), CliLog.Create(parse.GetValue(level)), cancel));
            return command;
        }

        private static async Task<int> RunAsync(string urlText, FileInfo? output, double? seconds, bool insecure, Serilog.Core.Logger log, CancellationToken stop)
        {
            using (log)
            {
                if (!UrlArgument.TryResolve(urlText, out var url, out var error))
                {
                    log.Error("{Error}", error);
                    return 2;
                }

                try
                {
                    await using var file = output == null ? null : output.Name == "-" ? Console.OpenStandardOutput() : output.Create();
                    log.Information("Playing {Url}", url!.ToString());
                    var duration = seconds is double s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;
                    var summary = await StreamToFile.PlayAsync(url, file, duration, new RtmpClientOptions { AllowUntrustedCertificate = insecure }, stop);
                    log.Information("Played {Summary}", summary.ToString());
                    return 0;
                }
                catch (Exception e) when (e is IOException || e is RtmpStatusException || e is TimeoutException || e is RtmpProtocolException || e is System.Net.Sockets.SocketException || e is System.Security.Authentication.AuthenticationException)
                {
                    log.Error("Playing failed: {Error}", e.Message);
                    return 1;
                }
            }
        }
    }
}
