using System;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RtmpXProtect.Engine.Tests.Server.Tls
{
    /// <summary>One self-signed localhost certificate for every TLS test (RSA key generation is slow).</summary>
    internal static class TestCertificate
    {
        private static readonly Lazy<X509Certificate2> Shared = new Lazy<X509Certificate2>(Create);

        public static X509Certificate2 Instance => Shared.Value;

        private static X509Certificate2 Create()
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));

            // Through PKCS#12, as the CLI does, so SslStream on Linux can use the key.
            return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
        }
    }
}
