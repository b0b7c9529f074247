using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Rtmp;

namespace RtmpXProtect.Cli.Commands
{
    /// <summary>`rtmpx publish FILE.flv URL`: sends a file like a live encoder.</summary>
    internal static class PublishCommand
    {
        public static Command Create()
        {
            var file = new Argument<FileInfo>("file") { Description = "The FLV file to send." };
            var url = UrlArgument.Create();
            var fast = new Option<bool>("--no-pace") { Description = "Send as fast as the server reads instead of at the file's own pace." };
            var insecure = new Option<bool>("--allow-untrusted") { Description = "For rtmps: accept a certificate that does not validate." };
            var level = CliLog.LevelOption();
            var command = new Command("publish", "Publish an FLV file to an RTMP(S) server.") { file, url, fast, insecure, level };
            command.SetAction((parse, cancel) => RunAsync(parse.GetValue(file)!, parse.GetValue(url)!, parse.GetValue(fast), parse.GetValue(insecure), CliLog.Create(parse.GetValue(level)), cancel));
            return command;
        }

        private static async Task<int> RunAsync(FileInfo file, string urlText, bool fast, bool insecure, Serilog.Core.Logger log, CancellationToken stop)
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
                    log.Information("Publishing {File} to {Url}", file.Name, url!.ToString());
                    var summary = await FlvFilePublisher.PublishAsync(file.FullName, url, realtime: !fast, new RtmpClientOptions { AllowUntrustedCertificate = insecure }, stop);
                    log.Information("Published {Summary}", summary.ToString());
                    return 0;
                }
                catch (Exception e) when (e is IOException || e is RtmpStatusException || e is TimeoutException || e is RtmpProtocolException || e is System.Net.Sockets.SocketException || e is FormatException || e is System.Security.Authentication.AuthenticationException)
                {
                    log.Error("Publishing failed: {Error}", e.Message);
                    return 1;
                }
            }
        }
    }
}
