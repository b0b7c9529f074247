using System;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using RtmpXProtect.Engine.Management;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Management;

public class SelfSignedCertificatesTests
{
    [Fact]
    public void The_pfx_loads_with_its_key_names_addresses_and_server_authentication()
    {
        var pfx = SelfSignedCertificates.CreatePfx(new[] { "ingest.example", "localhost" }, new[] { IPAddress.Loopback, IPAddress.IPv6Loopback }, TimeSpan.FromDays(30), "pw");
        using var certificate = X509CertificateLoader.LoadPkcs12(pfx, "pw");
        Assert.True(certificate.HasPrivateKey);
        Assert.Equal("CN=ingest.example", certificate.Subject);
        Assert.Equal(2048, certificate.GetRSAPrivateKey()!.KeySize);
        Assert.InRange(certificate.NotAfter.ToUniversalTime(), DateTime.UtcNow.AddDays(29), DateTime.UtcNow.AddDays(31));

        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(new[] { "ingest.example", "localhost" }, san.EnumerateDnsNames());
        Assert.Equal(new[] { IPAddress.Loopback, IPAddress.IPv6Loopback }, san.EnumerateIPAddresses());
        var usage = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single();
        Assert.Contains(usage.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>(), o => o.Value == "1.3.6.1.5.5.7.3.1");
        Assert.False(certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
    }

    [Fact]
    public void Without_a_password_the_pfx_opens_with_none()
    {
        var pfx = SelfSignedCertificates.CreatePfx(Array.Empty<string>(), new[] { IPAddress.Parse("10.0.0.5") }, TimeSpan.FromDays(1), null);
        using var certificate = X509CertificateLoader.LoadPkcs12(pfx, null);
        Assert.Equal("CN=10.0.0.5", certificate.Subject);
        Assert.True(certificate.HasPrivateKey);
    }

    [Fact]
    public void No_name_a_short_validity_and_a_non_ascii_name_are_refused()
    {
        Assert.Throws<ArgumentException>(() => SelfSignedCertificates.CreatePfx(Array.Empty<string>(), Array.Empty<IPAddress>(), TimeSpan.FromDays(1), null));
        Assert.Throws<ArgumentException>(() => SelfSignedCertificates.CreatePfx(new[] { "a" }, Array.Empty<IPAddress>(), TimeSpan.FromHours(1), null));
        Assert.Throws<ArgumentException>(() => SelfSignedCertificates.CreatePfx(new[] { "bücher.example" }, Array.Empty<IPAddress>(), TimeSpan.FromDays(1), null));
    }
}
