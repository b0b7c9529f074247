using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Hosting;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Tests.Server;
using RtmpXProtect.Engine.Security;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Hosting;

public sealed class ServerHostTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rtmpx-host-" + Guid.NewGuid().ToString("N"));

    public ServerHostTests()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "certs"));
        Directory.CreateDirectory(Path.Combine(_directory, "secrets"));
    }

    private string ConfigPath => Path.Combine(_directory, "rtmpx.json");

    private string CertificatePath => Path.Combine(_directory, "certs", "rtmps.pfx");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_certificate_the_file_names_before_it_exists_leaves_rtmps_waiting_and_starts_it_when_it_appears()
    {
        WriteConfig();
        await using var host = await Start();
        Assert.True(host.TlsWaitsForCertificate);
        Assert.Null(host.Server.Options.TlsEndpoint);
        await using (var plain = await RtmpClient.ConnectAsync(RtmpUrl.Parse($"rtmp://127.0.0.1:{host.Server.LocalEndPoint.Port}/live/a")))
        {
            // Plain RTMP serves all along.
        }

        var started = ReloadWhere(host, () => !host.TlsWaitsForCertificate);
        WriteCertificate("first.example");
        await started.WaitAsync(Timeout);
        Assert.Equal("CN=first.example", (await ServerCertificateAsync(host)).Subject);
    }

    [Fact]
    public async Task A_certificate_renewed_in_place_restarts_only_the_tls_listener_and_a_tls_session_keeps_streaming()
    {
        WriteConfig();
        WriteCertificate("old.example");
        await using var host = await Start();
        Assert.Equal("CN=old.example", (await ServerCertificateAsync(host)).Subject);
        var tlsPort = host.Server.TlsLocalEndPoint.Port;
        var options = new RtmpClientOptions { AllowUntrustedCertificate = true };
        await using var publisher = await RtmpClient.ConnectAsync(RtmpUrl.Parse($"rtmps://127.0.0.1:{tlsPort}/live/kept"), options);
        await publisher.PublishAsync().WaitAsync(Timeout);
        await using var player = await RtmpClient.ConnectAsync(RtmpUrl.Parse($"rtmp://127.0.0.1:{host.Server.LocalEndPoint.Port}/live/kept"));
        await player.PlayAsync().WaitAsync(Timeout);
        await publisher.SendAsync(new RtmpMessage(MessageType.Video, 0, 0, Frames.AvcSequenceHeader()));

        var renewed = ReloadWhere(host, () => host.Server.Options.Certificate!.Subject == "CN=new.example");
        WriteCertificate("new.example");
        await renewed.WaitAsync(Timeout);
        Assert.Equal("CN=new.example", (await ServerCertificateAsync(host)).Subject);

        // The session accepted with the old certificate goes on: its next frames reach the player.
        await publisher.SendAsync(new RtmpMessage(MessageType.Video, 40, 0, Frames.Video(true, 500, 7)));
        while (true)
        {
            var message = await player.Received.ReadAsync().AsTask().WaitAsync(Timeout);
            if (message.Type == MessageType.Video && message.Timestamp == 40)
            {
                break;
            }
        }
    }

    [Fact]
    public async Task A_file_that_breaks_a_rule_is_rejected_and_the_running_configuration_kept()
    {
        WriteConfig();
        await using var host = await Start();
        var running = host.Current;
        var reloaded = NextReload(host);
        File.WriteAllText(ConfigPath, "{ \"limits\": { \"maxConnections\": 0 } }");
        Assert.False(await reloaded.WaitAsync(Timeout));
        Assert.Same(running, host.Current);
        await using var client = await RtmpClient.ConnectAsync(RtmpUrl.Parse($"rtmp://127.0.0.1:{host.Server.LocalEndPoint.Port}/live/a"));
    }

    [Fact]
    public async Task A_certificate_named_on_the_command_line_must_exist()
    {
        WriteConfig();
        // Only the certificate is missing: the password the file names is there.
        File.WriteAllText(Path.Combine(_directory, "secrets", "rtmps.password"), "pfx-typo");
        var overrides = new ServeOverrides { Certificate = new FileInfo(Path.Combine(_directory, "typo.pfx")) };
        var e = await Assert.ThrowsAsync<CertificateLoadException>(() => ServerHost.StartAsync(new ServerHostOptions { ConfigFile = new FileInfo(ConfigPath), Overrides = overrides }));
        Assert.Contains("typo.pfx", e.Message);
    }

    private Task<ServerHost> Start() => ServerHost.StartAsync(new ServerHostOptions { ConfigFile = new FileInfo(ConfigPath) });

    // The password file and the certificate are two writes, which may come as two reloads: the
    // first may see the new password with the old file and be rejected, so wait for the state.
    private static Task ReloadWhere(ServerHost host, Func<bool> done)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Reloaded += _ =>
        {
            if (done())
            {
                reached.TrySetResult();
            }
        };
        return reached.Task;
    }

    private static Task<bool> NextReload(ServerHost host)
    {
        var next = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Reloaded += applied => next.TrySetResult(applied);
        return next.Task;
    }

    private void WriteConfig() => File.WriteAllText(ConfigPath, """
        {
          "listeners": {
            "rtmp": { "listen": "127.0.0.1:0" },
            "rtsp": { "listen": "127.0.0.1:0" },
            "rtmps": { "enabled": true, "listen": "127.0.0.1:0",
                       "certificate": { "path": "certs/rtmps.pfx", "passwordFile": "secrets/rtmps.password" } }
          },
          "api": { "listen": null }
        }
        """);

    // Written as a provisioning tool would: password first, then the certificate by rename.
    private void WriteCertificate(string name)
    {
        File.WriteAllText(Path.Combine(_directory, "secrets", "rtmps.password"), "pfx-" + name);
        var pfx = SelfSignedCertificates.CreatePfx(new[] { name }, Array.Empty<IPAddress>(), TimeSpan.FromDays(30), "pfx-" + name);
        var temporary = CertificatePath + ".new";
        File.WriteAllBytes(temporary, pfx);
        File.Move(temporary, CertificatePath, overwrite: true);
    }

    private static async Task<X509Certificate2> ServerCertificateAsync(ServerHost host)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, host.Server.TlsLocalEndPoint.Port);
        await using var tls = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
        await tls.AuthenticateAsClientAsync("localhost").WaitAsync(Timeout);
        return new X509Certificate2(tls.RemoteCertificate!);
    }
}
