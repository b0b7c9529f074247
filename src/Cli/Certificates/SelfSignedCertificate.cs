using System;
using System.Collections.Generic;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RtmpXProtect.Cli.Certificates
{
    /// <summary>
    /// Makes the self-signed server certificate `rtmpx cert new` writes. It lives in the CLI (net10.0)
    /// because CertificateRequest is not in netstandard2.0; it is public so the PowerShell module
    /// (PowerShell 7, .NET 8+) can load rtmpx.dll and call it instead of repeating it.
    /// </summary>
    public static class SelfSignedCertificate
    {
        // serverAuth: what TLS clients (OpenSSL, GnuTLS, SChannel) look for on a server certificate.
        private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

        /// <summary>
        /// A certificate for the names and addresses given, valid from a minute ago for
        /// <paramref name="days"/> days. RSA 2048 with SHA-256: every TLS stack an RTMP client ships
        /// with (FFmpeg's OpenSSL or GnuTLS, OBS's mbedTLS, SChannel) accepts it.
        /// </summary>
        /// <exception cref="ArgumentException">No name and no address, or days below 1.</exception>
        public static X509Certificate2 Create(IReadOnlyList<string> dnsNames, IReadOnlyList<IPAddress> addresses, int days = 365)
        {
            if (dnsNames.Count == 0 && addresses.Count == 0)
            {
                throw new ArgumentException("At least one DNS name or IP address is required.", nameof(dnsNames));
            }

            if (days < 1)
            {
                throw new ArgumentException("The certificate must be valid for at least one day.", nameof(days));
            }

            using var key = RSA.Create(2048);
            var subject = new X500DistinguishedName("CN=" + (dnsNames.Count > 0 ? dnsNames[0] : addresses[0].ToString()));
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            foreach (var name in dnsNames)
            {
                names.AddDnsName(name);
            }

            foreach (var address in addresses)
            {
                names.AddIpAddress(address);
            }

            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(ServerAuthentication) }, false));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            var now = DateTimeOffset.UtcNow;
            return request.CreateSelfSigned(now.AddMinutes(-1), now.AddDays(days));
        }

        /// <summary>The certificate and its key as PKCS#12 (PFX), encrypted with <paramref name="password"/> when one is given.</summary>
        public static byte[] ExportPfx(X509Certificate2 certificate, string? password)
            => certificate.Export(X509ContentType.Pkcs12, password);
    }
}
