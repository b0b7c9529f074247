using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RtmpXProtect.Interop.Tests.Security;

/// <summary>A throwaway self-signed certificate for the RTMPS port; no peer has to trust it.</summary>
public static class TestCertificate
{
    public static X509Certificate2 Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));

        // Exported and loaded again: SslStream on Linux needs the key in a persisted form.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
