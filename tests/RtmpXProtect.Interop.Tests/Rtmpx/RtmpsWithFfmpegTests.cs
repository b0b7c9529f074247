using System;
using System.IO;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>
/// RTMPS end to end: `rtmpx cert new` makes the certificate, rtmpx serves it, ffmpeg publishes and plays
/// over rtmps:// (FFmpeg's TLS does not verify the certificate unless asked to, so a self-signed one works).
/// </summary>
public sealed class RtmpsWithFfmpegTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(40);
    private const string Password = "pfx-s3cret-9f2";

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task Ffmpeg_publishes_and_plays_back_every_frame_over_rtmps_with_a_certificate_from_cert_new()
    {
        using var dir = new TempDirectory();
        var pfx = await NewCertificate(dir);
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(pfx, Password);
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 4, bFrames: 2, gop: 250);
        await using var server = new InProcessServer(options: new RtmpServerOptions
        {
            Endpoint = null,
            TlsEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
            Certificate = certificate,
        });

        await using var publisher = Ffmpeg.Publish(source, server.TlsUrl("cam1"));
        await server.Published("cam1", Step);
        await using var player = Ffmpeg.Play(server.TlsUrl("cam1"), dir.File("played.flv"));

        Assert.Equal(0, await publisher.WaitForExitAsync(Step));
        Assert.Equal(0, await player.WaitForExitAsync(Step));
        var expected = await Ffprobe.ProbeAsync(source);
        var played = await Ffprobe.ProbeAsync(dir.File("played.flv"));
        Assert.Equal("h264", played.StreamOf("video")?.CodecName);
        Assert.Equal("aac", played.StreamOf("audio")?.CodecName);
        Assert.Equal(expected.CountOf("video"), played.CountOf("video"));
        Assert.Equal(expected.CountOf("audio"), played.CountOf("audio"));
        played.AssertDtsStrictlyIncreasing("video");
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task Rtmpx_serve_rtmps_only_takes_an_ffmpeg_publish_and_never_shows_the_password()
    {
        using var dir = new TempDirectory();
        var pfx = await NewCertificate(dir);
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 3, bFrames: 0, gop: 250);
        await using var serve = RtmpxCli.Start("serve", "--no-rtmp", "--rtmps", "127.0.0.1:0", "--cert", pfx, "--cert-password-file", PasswordFile(dir));
        var port = await RtmpxCli.ListeningPortAsync(serve, Step, tls: true);

        var url = $"rtmps://127.0.0.1:{port}/live/cam1";
        await using var publisher = Ffmpeg.Publish(source, url);
        await serve.WaitForOutputAsync(line => line.Contains("publishes live/cam1"), Step);
        await using var player = Ffmpeg.Play(url, dir.File("played.flv"));
        Assert.Equal(0, await publisher.WaitForExitAsync(Step));
        Assert.Equal(0, await player.WaitForExitAsync(Step));

        var played = await Ffprobe.ProbeAsync(dir.File("played.flv"));
        Assert.Equal("h264", played.StreamOf("video")?.CodecName);
        Assert.Equal((await Ffprobe.ProbeAsync(source)).CountOf("video"), played.CountOf("video"));
        RtmpxCli.Terminate(serve);
        Assert.Equal(0, await serve.WaitForExitAsync(Step));
        Assert.Contains("rtmps://", serve.StandardErrorTail());
        Assert.DoesNotContain(Password, serve.StandardErrorTail() + serve.StandardOutputTail());
    }

    [PeerFact]
    public async Task Rtmpx_serve_names_the_file_but_not_the_password_when_the_password_is_wrong()
    {
        using var dir = new TempDirectory();
        var pfx = await NewCertificate(dir);
        var wrong = dir.File("wrong.txt");
        await File.WriteAllTextAsync(wrong, "not-the-" + Password);
        await using var serve = RtmpxCli.Start("serve", "--no-rtmp", "--rtmps", "127.0.0.1:0", "--cert", pfx, "--cert-password-file", wrong);

        Assert.Equal(2, await serve.WaitForExitAsync(Step));
        var output = serve.StandardErrorTail() + serve.StandardOutputTail();
        Assert.Contains("server.pfx", output);
        Assert.DoesNotContain(Password, output);
    }

    private static async Task<string> NewCertificate(TempDirectory dir)
    {
        var pfx = dir.File("server.pfx");
        await using var cert = RtmpxCli.Start("cert", "new", "--dns", "localhost", "--ip", "127.0.0.1", "--out", pfx, "--password-file", PasswordFile(dir));
        Assert.Equal(0, await cert.WaitForExitAsync(Step));
        Assert.True(File.Exists(pfx));
        Assert.DoesNotContain(Password, cert.StandardErrorTail() + cert.StandardOutputTail());
        return pfx;
    }

    private static string PasswordFile(TempDirectory dir)
    {
        var file = dir.File("password.txt");
        if (!File.Exists(file))
        {
            File.WriteAllText(file, Password + "\n");
        }

        return file;
    }
}
