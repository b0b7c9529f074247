using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;

namespace RtmpXProtect.XProtectDouble;

/// <summary>
/// A stand-in for an XProtect site (management server, API Gateway, identity provider and one
/// Recording Server) on loopback, behaving as Milestone's public samples and documentation say
/// XProtect does. Short names of the sources, cited beside each behaviour, are those of
/// shared/XPROTECT-NOTES.md (OLF, SCW, TVV, WIP, CX, VPS).
/// </summary>
public sealed class XProtectDoubleServer : IAsyncDisposable
{
    private readonly ManagementServerDouble _management;
    private readonly ImageServerDouble _imageServer;

    private XProtectDoubleServer()
    {
        _management = new ManagementServerDouble(this);
        _imageServer = new ImageServerDouble(this);
    }

    public List<DoubleUser> Users { get; } = new();

    public List<DoubleCamera> Cameras { get; } = new();

    public TokenRegistry Tokens { get; } = new();

    public DoubleFaults Faults { get; } = new();

    public Guid RecorderId { get; } = Guid.NewGuid();

    /// <summary>How often a live socket gets a livepackage; WIP saw one at least every 5 s.</summary>
    public TimeSpan LiveStatusInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The certificate both servers present when started with TLS; self-signed, so untrusted by clients.</summary>
    public X509Certificate2? Certificate { get; private set; }

    public Uri ManagementServer => _management.Address;

    public Uri ImageServerAddress => _imageServer.Address;

    public int ImageServerConnections => _imageServer.ConnectionsAccepted;

    public int LoginAttempts { get; internal set; }

    public int CameraPagesServed { get; internal set; }

    public int WindowsLoginAttempts { get; internal set; }

    public int GatewayTokenRequests { get; internal set; }

    public int ConnectUpdates { get; internal set; }

    /// <summary>Starts both servers on ephemeral loopback ports; with <paramref name="tls"/> both speak TLS with a self-signed certificate.</summary>
    public static async Task<XProtectDoubleServer> StartAsync(bool tls = false, Action<XProtectDoubleServer>? configure = null)
    {
        var server = new XProtectDoubleServer();
        configure?.Invoke(server);
        server.Certificate = tls ? SelfSigned() : null;
        server._imageServer.Start(server.Certificate);
        await server._management.StartAsync(server.Certificate);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _imageServer.DisposeAsync();
        await _management.DisposeAsync();
        Certificate?.Dispose();
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
