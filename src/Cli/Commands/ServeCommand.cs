using System;
using System.CommandLine;
using System.IO;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Cli.Serving;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Hosting;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Server.Access;
using Serilog;

namespace RtmpXProtect.Cli.Commands
{
    /// <summary>`rtmpx serve`: the RTMP(S) server, until Ctrl+C or SIGTERM.</summary>
    internal static class ServeCommand
    {
        public static Command Create()
        {
            var listen = EndpointOption.Create("--listen", "Address and port to listen on for RTMP (port 0 picks a free one).", new IPEndPoint(IPAddress.Any, 1935));
            var rtmps = EndpointOption.Create("--rtmps", "Address and port to listen on for RTMPS, such as 0.0.0.0:443 (needs --cert).", null);
            var noRtmp = new Option<bool>("--no-rtmp") { Description = "Serve RTMPS only: no plain RTMP listener." };
            var rtsp = EndpointOption.Create("--rtsp", "Address and port to serve RTSP on (default 0.0.0.0:8554): every path also plays as rtsp://HOST:PORT/APP/STREAM.", null);
            var noRtsp = new Option<bool>("--no-rtsp") { Description = "Serve no RTSP." };
            var rtsps = EndpointOption.Create("--rtsps", "Address and port to serve RTSPS on, such as 0.0.0.0:8322 (needs --cert).", null);
            var cert = new Option<FileInfo?>("--cert") { Description = "The RTMPS certificate: a PFX file, or a PEM certificate (its key in it or in --key)." };
            var key = new Option<FileInfo?>("--key") { Description = "The PEM private key of a PEM --cert." };
            var passwordFile = new Option<FileInfo?>("--cert-password-file") { Description = "A file holding the PFX (or encrypted PEM key) password." };
            var passwordEnv = new Option<string?>("--cert-password-env") { Description = "An environment variable holding the PFX (or encrypted PEM key) password." };
            var record = new Option<DirectoryInfo?>("--record") { Description = "Record every publish in this folder, a folder per path and a file per hour (record.pattern, record.segmentSeconds)." };
            var recordFormat = new Option<RtmpXProtect.Engine.Recording.RecordingFormat?>("--record-format") { Description = "Fmp4 (fragmented MP4, playable after a crash; the default) or Flv." };
            var level = CliLog.LevelOption();
            var keyFile = new Option<FileInfo?>("--publish-key-file") { Description = "Publishers need a key from this file: lines 'KEY' (any path) or 'PATH KEY' (live/cam1 KEY); encoders send it as rtmp://host/live/cam1?key=KEY." };
            var mode = new Option<AccessMode>("--access-mode") { Description = "open: any path with a valid key; fixed: only the paths listed in the key file.", DefaultValueFactory = _ => AccessMode.Open };
            var secretFile = new Option<FileInfo?>("--secret-file") { Description = "Accept signed URLs (rtmpx token new) made with the secret in this file." };
            var takeover = new Option<TakeoverPolicy>("--takeover") { Description = "None: a second publisher of a path is refused; SameKey: one with the same key replaces the old session at once.", DefaultValueFactory = _ => TakeoverPolicy.None };
            var config = new Option<FileInfo?>("--config") { Description = "Read settings from this rtmpx.json (see docs/rtmpx.example.jsonc); options given here override the file." };
            var logFile = new Option<FileInfo?>("--log-file") { Description = "Log to this file as well (rolled daily unless the configuration says otherwise); each line carries SessionId, RemoteAddress and the masked Path." };
            var metrics = EndpointOption.Create("--metrics", "Serve Prometheus text at http://ADDRESS:PORT/metrics (port 0 picks a free one).", null);
            var api = EndpointOption.Create("--api", "Serve the JSON status API used by `rtmpx status` here instead of 127.0.0.1:1985; loopback only unless --api-allow-remote.", null);
            var noApi = new Option<bool>("--no-api") { Description = "Serve no status API (by default it listens on 127.0.0.1:1985)." };
            var apiAllowRemote = new Option<bool>("--api-allow-remote") { Description = "Let --api listen on an address other hosts reach: the API has no authentication and can drop sessions." };
            var command = new Command("serve", "Run the RTMP(S) server: publish to it from OBS or FFmpeg, play from it with ffplay or VLC.")
            {
                config, listen, rtmps, noRtmp, rtsp, noRtsp, rtsps, cert, key, passwordFile, passwordEnv, record, recordFormat, keyFile, mode, secretFile, takeover, level, logFile, metrics, api, noApi, apiAllowRemote,
            };
            command.Validators.Add(result =>
            {
                // With a file, the certificate and the listeners may come from it; the file's own checks apply.
                if (result.GetValue(config) != null)
                {
                    return;
                }

                if (result.GetValue(rtmps) != null && result.GetValue(cert) == null)
                {
                    result.AddError("--rtmps needs --cert FILE.pfx or --cert FILE.pem.");
                }

                if (result.GetValue(rtsps) != null && result.GetValue(cert) == null)
                {
                    result.AddError("--rtsps needs --cert FILE.pfx or --cert FILE.pem.");
                }

                if (result.GetValue(noRtmp) && result.GetValue(rtmps) == null)
                {
                    result.AddError("--no-rtmp needs --rtmps ADDRESS:PORT: otherwise nothing would listen.");
                }
            });
            command.SetAction(async (parse, cancel) =>
            {
                // System.CommandLine registers its SIGTERM handler only after the action returned its
                // task; yielding first means the "listening" line is never printed before a
                // SIGTERM would be honoured (a service manager stopping at once killed it with 143).
                await Task.Yield();
                var file = parse.GetValue(config);
                var overrides = new ServeOverrides
                {
                    Listen = Given(parse, listen) ? parse.GetValue(listen) : null,
                    NoRtmp = Given(parse, noRtmp) && parse.GetValue(noRtmp),
                    Rtmps = Given(parse, rtmps) ? parse.GetValue(rtmps) : null,
                    Rtsp = Given(parse, rtsp) ? parse.GetValue(rtsp) : null,
                    NoRtsp = Given(parse, noRtsp) && parse.GetValue(noRtsp),
                    Rtsps = Given(parse, rtsps) ? parse.GetValue(rtsps) : null,
                    Certificate = Given(parse, cert) ? parse.GetValue(cert) : null,
                    Key = parse.GetValue(key),
                    PasswordGiven = Given(parse, passwordFile) || Given(parse, passwordEnv),
                    PasswordFile = parse.GetValue(passwordFile),
                    PasswordEnvironment = parse.GetValue(passwordEnv),
                    Record = Given(parse, record) ? parse.GetValue(record) : null,
                    RecordFormat = Given(parse, recordFormat) ? parse.GetValue(recordFormat) : null,
                    Level = Given(parse, level) ? parse.GetValue(level) : null,
                    PublishKeyFile = parse.GetValue(keyFile),
                    Mode = Given(parse, mode) ? parse.GetValue(mode) : null,
                    SecretFile = parse.GetValue(secretFile),
                    Takeover = Given(parse, takeover) ? parse.GetValue(takeover) : null,
                    LogFile = Given(parse, logFile) ? parse.GetValue(logFile) : null,
                    Metrics = Given(parse, metrics) ? parse.GetValue(metrics) : null,
                    Api = Given(parse, api) ? parse.GetValue(api) : null,
                    NoApi = Given(parse, noApi) && parse.GetValue(noApi),
                    ApiAllowRemote = Given(parse, apiAllowRemote) && parse.GetValue(apiAllowRemote),
                };
                ServeConfiguration initial;
                try
                {
                    initial = ServeConfigurationReader.Read(file, overrides);
                }
                catch (RtmpxConfigException e)
                {
                    return Refuse(CliLog.Create(parse.GetValue(level)), file, e);
                }

                var logging = initial.Settings.Logging;
                var ring = new RtmpXProtect.Engine.Logging.LogRing(1000);
                using var log = CliLog.Create(logging.Level, logging.File, logging.RollingInterval, Math.Max(1, logging.RetainedFiles), ring);
                var endpoints = RtmpXProtect.Cli.Http.StatusEndpoints.From(initial.Settings.Metrics, initial.Settings.Api, ring, out var endpointError);
                if (endpoints == null)
                {
                    log.Error("{Error}", endpointError);
                    return 2;
                }

                if (file != null)
                {
                    log.Information("Configuration {File}", file.FullName);
                }

                return await ServiceManagerLink.RunAsync((ready, stop) => ServeRunner.RunAsync(file, overrides, initial, log, endpoints, ready, stop), cancel);
            });
            return command;
        }

        private static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

        private static int Refuse(Serilog.Core.Logger log, FileInfo? file, RtmpxConfigException e)
        {
            using (log)
            {
                foreach (var error in e.Errors)
                {
                    log.Error("{File}: {Error}", file?.FullName ?? "command line", error);
                }
            }

            return 2;
        }
    }
}
