using System;
using System.CommandLine;
using System.IO;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Cli.Certificates;
using RtmpXProtect.Engine.Configuration;
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
            var cert = new Option<FileInfo?>("--cert") { Description = "The RTMPS certificate: a PFX file, or a PEM certificate (its key in it or in --key)." };
            var key = new Option<FileInfo?>("--key") { Description = "The PEM private key of a PEM --cert." };
            var passwordFile = new Option<FileInfo?>("--cert-password-file") { Description = "A file holding the PFX (or encrypted PEM key) password." };
            var passwordEnv = new Option<string?>("--cert-password-env") { Description = "An environment variable holding the PFX (or encrypted PEM key) password." };
            var record = new Option<DirectoryInfo?>("--record") { Description = "Record every publish to an FLV file in this folder." };
            var level = CliLog.LevelOption();
            var keyFile = new Option<FileInfo?>("--publish-key-file") { Description = "Publishers need a key from this file: lines 'KEY' (any path) or 'PATH KEY' (live/cam1 KEY); encoders send it as rtmp://host/live/cam1?key=KEY." };
            var mode = new Option<AccessMode>("--access-mode") { Description = "open: any path with a valid key; fixed: only the paths listed in the key file.", DefaultValueFactory = _ => AccessMode.Open };
            var secretFile = new Option<FileInfo?>("--secret-file") { Description = "Accept signed URLs (rtmpx token new) made with the secret in this file." };
            var takeover = new Option<TakeoverPolicy>("--takeover") { Description = "None: a second publisher of a path is refused; SameKey: one with the same key replaces the old session at once.", DefaultValueFactory = _ => TakeoverPolicy.None };
            var config = new Option<FileInfo?>("--config") { Description = "Read settings from this rtmpx.json (see docs/rtmpx.example.jsonc); options given here override the file." };
            var logFile = new Option<FileInfo?>("--log-file") { Description = "Log to this file as well (rolled daily unless the configuration says otherwise); each line carries SessionId, RemoteAddress and the masked Path." };
            var metrics = EndpointOption.Create("--metrics", "Serve Prometheus text at http://ADDRESS:PORT/metrics (port 0 picks a free one).", null);
            var api = EndpointOption.Create("--api", "Serve the JSON status API used by `rtmpx status` (which looks at 127.0.0.1:1985); loopback only unless --api-allow-remote.", null);
            var apiAllowRemote = new Option<bool>("--api-allow-remote") { Description = "Let --api listen on an address other hosts reach: the API has no authentication and can drop sessions." };
            var command = new Command("serve", "Run the RTMP(S) server: publish to it from OBS or FFmpeg, play from it with ffplay or VLC.")
            {
                config, listen, rtmps, noRtmp, cert, key, passwordFile, passwordEnv, record, keyFile, mode, secretFile, takeover, level, logFile,
            };
            command.Options.Add(metrics);
            command.Options.Add(api);
            command.Options.Add(apiAllowRemote);
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
                RtmpxConfig settings;
                try
                {
                    settings = file == null ? new RtmpxConfig() : RtmpxConfigLoader.Load(file.FullName);
                }
                catch (RtmpxConfigException e)
                {
                    return Refuse(CliLog.Create(parse.GetValue(level)), file, e);
                }

                var baseDirectory = file?.DirectoryName ?? Directory.GetCurrentDirectory();
                ResolvePaths(settings, baseDirectory);

                // Options given on the command line win over the file; defaults of options do not.
                var rtmp = settings.Listeners.Rtmp;
                var tls = settings.Listeners.Rtmps;
                var certificate = tls.Certificate;
                if (Given(parse, listen))
                {
                    rtmp.Enabled = true;
                    rtmp.Listen = parse.GetValue(listen)!.ToString();
                }

                if (Given(parse, noRtmp) && parse.GetValue(noRtmp))
                {
                    rtmp.Enabled = false;
                }

                if (Given(parse, rtmps))
                {
                    tls.Enabled = true;
                    tls.Listen = parse.GetValue(rtmps)!.ToString();
                }

                if (Given(parse, cert))
                {
                    certificate.Path = parse.GetValue(cert)!.FullName;
                    certificate.KeyPath = parse.GetValue(key)?.FullName;
                }

                if (Given(parse, passwordFile) || Given(parse, passwordEnv))
                {
                    certificate.PasswordFile = parse.GetValue(passwordFile)?.FullName;
                    certificate.PasswordEnv = parse.GetValue(passwordEnv);
                }

                if (Given(parse, record))
                {
                    settings.Record.Directory = parse.GetValue(record)!.FullName;
                }

                if (Given(parse, level))
                {
                    settings.Logging.Level = parse.GetValue(level);
                }

                if (Given(parse, logFile))
                {
                    settings.Logging.File = parse.GetValue(logFile)!.FullName;
                }

                if (Given(parse, metrics))
                {
                    settings.Metrics.Listen = parse.GetValue(metrics)!.ToString();
                }

                if (Given(parse, api))
                {
                    settings.Api.Listen = parse.GetValue(api)!.ToString();
                }

                if (Given(parse, apiAllowRemote))
                {
                    settings.Api.AllowRemote = parse.GetValue(apiAllowRemote);
                }

                var ring = new RtmpXProtect.Engine.Logging.LogRing(1000);
                var log = CliLog.Create(settings.Logging.Level, settings.Logging.File, settings.Logging.RollingInterval, Math.Max(1, settings.Logging.RetainedFiles), ring);
                var endpoints = RtmpXProtect.Cli.Http.StatusEndpoints.From(settings.Metrics, settings.Api, ring, out var endpointError);
                if (endpoints == null)
                {
                    log.Error("{Error}", endpointError);
                    log.Dispose();
                    return 2;
                }

                RtmpServerOptions options;
                try
                {
                    options = RtmpxConfigMapper.ToServerOptions(settings);
                }
                catch (RtmpxConfigException e)
                {
                    return Refuse(log, file, e);
                }

                var error = ApplyAccess(options, settings.Auth, parse.GetValue(keyFile), Given(parse, mode) ? parse.GetValue(mode) : null, parse.GetValue(secretFile), Given(parse, takeover) ? parse.GetValue(takeover) : null);
                error ??= ApplyHookSecrets(options, settings.Hooks);
                if (error != null)
                {
                    log.Error("{Error}", error);
                    log.Dispose();
                    return 2;
                }

                var files = tls.Enabled && certificate.Path != null
                    ? new CertificateFiles(new FileInfo(certificate.Path), certificate.KeyPath == null ? null : new FileInfo(certificate.KeyPath), certificate.PasswordFile == null ? null : new FileInfo(certificate.PasswordFile), certificate.PasswordEnv)
                    : null;
                if (file != null)
                {
                    log.Information("Configuration {File}", file.FullName);
                }

                return await RunAsync(options, files, log, cancel, endpoints);
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

        // Paths in the file are relative to the file, as a service's working directory is arbitrary.
        private static void ResolvePaths(RtmpxConfig settings, string baseDirectory)
        {
            string? Resolve(string? path) => string.IsNullOrWhiteSpace(path) ? path : Path.GetFullPath(Path.Combine(baseDirectory, path));
            var certificate = settings.Listeners.Rtmps.Certificate;
            certificate.Path = Resolve(certificate.Path);
            certificate.KeyPath = Resolve(certificate.KeyPath);
            certificate.PasswordFile = Resolve(certificate.PasswordFile);
            settings.Auth.SigningSecretFile = Resolve(settings.Auth.SigningSecretFile);
            settings.Record.Directory = Resolve(settings.Record.Directory);
            settings.Logging.File = Resolve(settings.Logging.File);
            foreach (var webhook in settings.Hooks?.Webhooks ?? new())
            {
                if (webhook != null)
                {
                    webhook.SecretFile = Resolve(webhook.SecretFile);
                }
            }

            // A bare name is looked up on PATH; only a path with a directory is the file's.
            foreach (var hook in settings.Hooks?.Commands ?? new())
            {
                if (hook?.Path != null && (hook.Path.Contains('/') || hook.Path.Contains('\\')))
                {
                    hook.Path = Resolve(hook.Path);
                }
            }
        }

        // The file's access policy, with the command line's key file, secret, mode and takeover on top.
        // Without either, the server stays as open as the file (or no file) made it.
        private static string? ApplyAccess(RtmpServerOptions options, AuthSection auth, FileInfo? keyFile, AccessMode? mode, FileInfo? secretFile, TakeoverPolicy? takeover)
        {
            if (keyFile != null || secretFile != null)
            {
                options.Access ??= new AccessPolicy();
            }

            if (options.Access is not AccessPolicy policy)
            {
                return null;
            }

            policy.Mode = mode ?? policy.Mode;
            policy.Takeover = takeover ?? policy.Takeover;
            string? error = null;
            if (keyFile != null && !PublishKeyFile.TryLoad(keyFile.FullName, policy, out error))
            {
                return error;
            }

            if (secretFile != null || auth.SigningSecretFile != null || auth.SigningSecretEnv != null)
            {
                var file = secretFile ?? (auth.SigningSecretFile == null ? null : new FileInfo(auth.SigningSecretFile));
                policy.SigningSecret = SigningSecret.Read(file, secretFile == null ? auth.SigningSecretEnv : null, out error);
            }

            return error;
        }

        // The mapper keeps the file's order, so webhook i of the options is section i of the file.
        private static string? ApplyHookSecrets(RtmpServerOptions options, HooksSection hooks)
        {
            if (options.Hooks == null)
            {
                return null;
            }

            for (var i = 0; i < hooks.Webhooks.Count; i++)
            {
                var section = hooks.Webhooks[i];
                if (section.SecretFile == null && section.SecretEnv == null)
                {
                    continue;
                }

                string? text;
                try
                {
                    text = SecretSource.Read(section.SecretFile == null ? null : new FileInfo(section.SecretFile), section.SecretEnv, $"hooks.webhooks[{i}] secret")?.Trim();
                }
                catch (CertificateLoadException e)
                {
                    return e.Message;
                }

                if (string.IsNullOrEmpty(text))
                {
                    return $"The hooks.webhooks[{i}] secret is empty.";
                }

                options.Hooks.Webhooks[i].Secret = System.Text.Encoding.UTF8.GetBytes(text);
            }

            return null;
        }

                private static async Task<int> RunAsync(RtmpServerOptions options, CertificateFiles? files, Serilog.Core.Logger log, CancellationToken stop, RtmpXProtect.Cli.Http.StatusEndpoints? endpoints = null)
        {
            using (log)
            {
                X509Certificate2? certificate = null;
                if (files != null)
                {
                    try
                    {
                        certificate = ServerCertificate.Load(files.Certificate.FullName, files.Key?.FullName, SecretSource.Read(files.PasswordFile, files.PasswordEnvironment));
                    }
                    catch (CertificateLoadException e)
                    {
                        log.Error("{Error}", e.Message);
                        return 2;
                    }

                    log.Information("RTMPS certificate {Subject}, valid until {NotAfter:yyyy-MM-dd}, SHA-256 thumbprint {Thumbprint}", certificate.Subject, certificate.NotAfter.ToUniversalTime(), certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256));
                    options.Certificate = certificate;
                }

                using (certificate)
                {
                    return await ServeAsync(options, log, stop, endpoints);
                }
            }
        }

        private static async Task<int> ServeAsync(RtmpServerOptions options, Serilog.Core.Logger log, CancellationToken stop, RtmpXProtect.Cli.Http.StatusEndpoints? endpoints = null)
        {
            await using var server = new RtmpServer(options, log);
            try
            {
                server.Start();
            }
            catch (System.Net.Sockets.SocketException e)
            {
                log.Error("Cannot listen on {Endpoint}: {Error}", (object?)options.Endpoint ?? options.TlsEndpoint, e.Message);
                return 2;
            }

            if (options.Endpoint != null)
            {
                var (host, port) = Shown(server.LocalEndPoint);
                log.Information("rtmpx listening on {Endpoint}", server.LocalEndPoint);
                log.Information("Publish: ffmpeg -re -i INPUT -c copy -f flv rtmp://{Host}:{Port}/live/STREAM  (OBS: server rtmp://{Host}:{Port}/live, stream key STREAM)", host, port, host, port);
                log.Information("Play:    ffplay rtmp://{Host}:{Port}/live/STREAM  (VLC: Media > Open Network Stream)", host, port);
            }

            if (options.TlsEndpoint != null)
            {
                var (host, port) = Shown(server.TlsLocalEndPoint);
                log.Information("rtmpx listening for RTMPS on {Endpoint}", server.TlsLocalEndPoint);
                log.Information("Publish: ffmpeg -re -i INPUT -c copy -f flv rtmps://{Host}:{Port}/live/STREAM  (OBS: server rtmps://{Host}:{Port}/live, stream key STREAM)", host, port, host, port);
                log.Information("Play:    ffplay rtmps://{Host}:{Port}/live/STREAM  (the host name must be one the certificate names, or the client must not verify it)", host, port);
            }

            if (options.Access is AccessPolicy access)
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

            await using var http = endpoints == null ? null : await endpoints.StartAsync(server, log);
            if (endpoints != null && http == null)
            {
                return 2;
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

        private static (string Host, int Port) Shown(IPEndPoint bound)
        {
            var host = IPAddress.Any.Equals(bound.Address) || IPAddress.IPv6Any.Equals(bound.Address) ? Dns.GetHostName() : bound.Address.ToString();
            return (bound.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && host.Contains(':') ? $"[{host}]" : host, bound.Port);
        }

        private sealed record CertificateFiles(FileInfo Certificate, FileInfo? Key, FileInfo? PasswordFile, string? PasswordEnvironment);
    }
}
