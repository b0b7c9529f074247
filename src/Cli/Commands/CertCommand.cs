using System;
using System.Security.Cryptography.X509Certificates;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Net;
using RtmpXProtect.Engine.Security;
using Serilog;

namespace RtmpXProtect.Cli.Commands
{
    /// <summary>`rtmpx cert new`: a self-signed certificate for `rtmpx serve --rtmps`, on any OS.</summary>
    internal static class CertCommand
    {
        public static Command Create()
        {
            var dns = new Option<string[]>("--dns") { Description = "A DNS name the certificate is for (repeat for more).", AllowMultipleArgumentsPerToken = false };
            var ip = new Option<string[]>("--ip") { Description = "An IP address the certificate is for (repeat for more)." };
            var output = new Option<FileInfo>("--out") { Description = "The PFX (PKCS#12) file to write.", Required = true };
            var days = new Option<int>("--days") { Description = "Days the certificate is valid.", DefaultValueFactory = _ => 365 };
            var passwordFile = new Option<FileInfo?>("--password-file") { Description = "Protect the PFX with the password in this file." };
            var passwordEnv = new Option<string?>("--password-env") { Description = "Protect the PFX with the password in this environment variable." };
            var level = CliLog.LevelOption();
            var create = new Command("new", "Create a self-signed RTMPS server certificate (RSA 2048, SHA-256, serverAuth) as a PFX file.")
            {
                dns, ip, output, days, passwordFile, passwordEnv, level,
            };
            create.SetAction(parse => Run(
                parse.GetValue(dns) ?? Array.Empty<string>(),
                parse.GetValue(ip) ?? Array.Empty<string>(),
                parse.GetValue(output)!,
                parse.GetValue(days),
                parse.GetValue(passwordFile),
                parse.GetValue(passwordEnv),
                CliLog.Create(parse.GetValue(level))));
            return new Command("cert", "Certificates for RTMPS.") { create };
        }

        private static int Run(string[] dns, string[] ip, FileInfo output, int days, FileInfo? passwordFile, string? passwordEnv, Serilog.Core.Logger log)
        {
            using (log)
            {
                var addresses = new IPAddress[ip.Length];
                for (var i = 0; i < ip.Length; i++)
                {
                    if (!IPAddress.TryParse(ip[i], out addresses[i]!))
                    {
                        log.Error("--ip must be an IP address (got '{Address}').", ip[i]);
                        return 2;
                    }
                }

                if (dns.Length == 0 && ip.Length == 0)
                {
                    log.Error("Give at least one --dns NAME or --ip ADDRESS.");
                    return 2;
                }

                if (days < 1)
                {
                    log.Error("--days must be at least 1.");
                    return 2;
                }

                try
                {
                    var password = SecretSource.Read(passwordFile, passwordEnv);
                    var pfx = RtmpXProtect.Engine.Management.SelfSignedCertificates.CreatePfx(dns, addresses, TimeSpan.FromDays(days), password);
                    WritePrivate(output.FullName, pfx);
                    using var certificate = X509CertificateLoader.LoadPkcs12(pfx, password);
                    log.Information(
                        "Wrote {File}: {Subject} for {Names}, valid until {NotAfter:yyyy-MM-dd}, SHA-256 thumbprint {Thumbprint}{Protected}",
                        output.FullName,
                        certificate.Subject,
                        string.Join(", ", dns.Concat(ip)),
                        certificate.NotAfter.ToUniversalTime(),
                        certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256),
                        password == null ? " (no password)" : " (password protected)");
                    return 0;
                }
                catch (CertificateLoadException e)
                {
                    log.Error("{Error}", e.Message);
                    return 2;
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    log.Error("Cannot write {File}: {Error}", output.FullName, e.Message);
                    return 1;
                }
            }
        }

        // The file holds a private key: only its owner may read it (on Unix; Windows inherits the folder's ACL).
        private static void WritePrivate(string path, byte[] bytes)
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var file = new FileStream(path, options);
            file.Write(bytes);
        }
    }
}
