using System;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Tests.Shared;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Management;

/// <summary>Test-RtmpEndpoint's operation against the in-process server, nginx-rtmp and servers that fail at each step.</summary>
public class EndpointProbeTests
{
    private static readonly EndpointProbeOptions Quick = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task An_rtmp_ingest_answers_every_step_and_the_probe_neither_publishes_nor_shows_the_key()
    {
        await using var host = await IngestHost.StartAsync(new IngestHostOptions { Address = IPAddress.Loopback, Port = 0 });
        var result = await EndpointProbe.ProbeAsync($"rtmp://127.0.0.1:{host.Endpoint.Port}/live/SECRETKEY", Quick);

        Assert.True(result.Succeeded, result.Error);
        Assert.Null(result.FailedStep);
        Assert.Equal("NetConnection.Connect.Success", result.ConnectStatusCode);
        Assert.NotNull(result.TcpConnect);
        Assert.NotNull(result.RtmpHandshake);
        Assert.NotNull(result.Connect);
        Assert.Null(result.TlsHandshake);
        Assert.Equal($"127.0.0.1:{host.Endpoint.Port}", result.Address);
        Assert.DoesNotContain("SECRETKEY", result.Url, StringComparison.Ordinal);
        Assert.Empty(host.Status().Streams);
    }

    [Fact]
    public async Task A_self_signed_rtmps_ingest_fails_at_tls_unless_untrusted_is_allowed()
    {
        var pfx = SelfSignedCertificates.CreatePfx(new[] { "localhost" }, new[] { IPAddress.Loopback }, TimeSpan.FromDays(2), null);
        using var certificate = X509CertificateLoader.LoadPkcs12(pfx, null);
        await using var host = await IngestHost.StartAsync(new IngestHostOptions { Address = IPAddress.Loopback, Port = 0, TlsPort = 0, Certificate = certificate });
        var url = $"rtmps://127.0.0.1:{host.TlsEndpoint!.Port}/live/cam";

        var refused = await EndpointProbe.ProbeAsync(url, Quick);
        Assert.False(refused.Succeeded);
        Assert.Equal("tls", refused.FailedStep);
        Assert.Contains("not trusted", refused.Error, StringComparison.Ordinal);
        Assert.Equal("CN=localhost", refused.CertificateSubject);
        Assert.NotEqual("None", refused.CertificateErrors);

        var accepted = await EndpointProbe.ProbeAsync(url, new EndpointProbeOptions { AllowUntrustedCertificate = true });
        Assert.True(accepted.Succeeded, accepted.Error);
        Assert.NotNull(accepted.TlsHandshake);
        Assert.StartsWith("Tls", accepted.TlsProtocol, StringComparison.Ordinal);
        Assert.InRange(accepted.CertificateNotAfter!.Value, DateTimeOffset.UtcNow.AddDays(1), DateTimeOffset.UtcNow.AddDays(3));
    }

    [PeerFact("nginx")]
    public async Task Nginx_rtmp_answers_with_its_version_and_refuses_an_unknown_application()
    {
        await using var nginx = await NginxRtmp.StartAsync();
        var result = await EndpointProbe.ProbeAsync(nginx.Url("cam"), Quick);
        Assert.True(result.Succeeded, result.Error);
        Assert.False(string.IsNullOrEmpty(result.ServerVersion));

        var wrongApp = await EndpointProbe.ProbeAsync($"rtmp://127.0.0.1:{nginx.Port}/nosuchapp/cam", Quick);
        Assert.False(wrongApp.Succeeded);
        Assert.Equal("connect", wrongApp.FailedStep);
        Assert.NotNull(wrongApp.RtmpHandshake);
    }

    [Fact]
    public async Task A_closed_port_fails_at_tcp()
    {
        var result = await EndpointProbe.ProbeAsync($"rtmp://127.0.0.1:{FreePort.Get()}/live/cam", Quick);
        Assert.False(result.Succeeded);
        Assert.Equal("tcp", result.FailedStep);
        Assert.Contains("ConnectionRefused", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_answers_garbage_fails_at_the_handshake()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var serve = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var reply = Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n" + new string('x', 3000));
            await stream.WriteAsync(reply);
            var buffer = new byte[4096];
            while (await stream.ReadAsync(buffer) > 0)
            {
            }
        });

        var result = await EndpointProbe.ProbeAsync($"rtmp://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/live/cam", Quick);
        Assert.False(result.Succeeded);
        Assert.Equal("handshake", result.FailedStep);
        Assert.NotNull(result.TcpConnect);
        await serve.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Text_that_is_not_an_rtmp_url_is_an_argument_error()
        => await Assert.ThrowsAsync<ArgumentException>(() => EndpointProbe.ProbeAsync("http://example.com/live/key"));
}
