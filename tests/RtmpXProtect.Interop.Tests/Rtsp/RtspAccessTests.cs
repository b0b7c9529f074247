using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Engine.Rtsp.Messages;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Server.Access;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtmpx;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtsp;

/// <summary>
/// Who may play over RTSP: the access policy of RTMP, with the play key in the query, as the
/// password of Basic credentials, or proven by Digest (what ffmpeg and VMS drivers send); and
/// RTSPS with the server's certificate.
/// </summary>
public class RtspAccessTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    private static RtmpServerOptions Guarded()
    {
        var options = RtspServer.Options();
        var path = new AccessPath("live/cam");
        path.PublishKeys.Add("pub-key");
        path.PlayKeys.Add("play key");
        options.Access = new AccessPolicy { Mode = AccessMode.Fixed, PlayRequiresKey = true };
        options.Access.Paths.Add(path);
        return options;
    }

    [PeerFact("ffmpeg")]
    public async Task Ffmpeg_plays_with_the_key_by_digest_or_in_the_query_and_is_refused_with_a_wrong_one_or_none()
    {
        using var temp = new TempDirectory();
        var flv = await Ffmpeg.MakeTestFlvAsync(temp.Path, seconds: 30, bFrames: 0);
        await using var server = new InProcessServer(options: Guarded());
        await using var publisher = Ffmpeg.Publish(flv, server.Url("cam?key=pub-key"));
        await server.Published("cam", Step);
        var port = server.Server.RtspLocalEndPoint.Port;

        foreach (var url in new[] { $"rtsp://viewer:play%20key@127.0.0.1:{port}/live/cam", $"rtsp://127.0.0.1:{port}/live/cam?key=play%20key" })
        {
            Assert.True(await ProbeAsync(url) == 0, url);
        }

        var refusedBefore = server.Server.Rejections.Snapshot().GetValueOrDefault(RejectionReason.AccessDenied);
        foreach (var url in new[] { $"rtsp://viewer:wrong@127.0.0.1:{port}/live/cam", $"rtsp://127.0.0.1:{port}/live/cam", $"rtsp://viewer:play%20key@127.0.0.1:{port}/live/other" })
        {
            Assert.True(await ProbeAsync(url) != 0, url);
        }

        Assert.True(server.Server.Rejections.Snapshot().GetValueOrDefault(RejectionReason.AccessDenied) >= refusedBefore + 3);
    }

    [Fact]
    public async Task Basic_credentials_carry_the_key_and_a_missing_path_gets_the_same_answer_as_a_wrong_key()
    {
        await using var server = new InProcessServer(options: Guarded());
        var port = server.Server.RtspLocalEndPoint.Port;

        var good = await DescribeAsync(port, "live/cam", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("any:play key")));
        var wrong = await DescribeAsync(port, "live/cam", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("any:nope")));
        var missing = await DescribeAsync(port, "live/nowhere", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("any:play key")));
        var none = await DescribeAsync(port, "live/cam", null);

        // Allowed, but nobody publishes it yet.
        Assert.Equal(404, good.StatusCode);
        foreach (var refused in new[] { wrong, missing, none })
        {
            Assert.Equal(401, refused.StatusCode);
            Assert.Equal(Headers(wrong), Headers(refused));
        }

        var challenges = wrong.Headers.Where(h => h.Key == "WWW-Authenticate").Select(h => h.Value.Split(' ')[0]).ToList();
        Assert.Equal(new[] { "Digest", "Basic" }, challenges);
    }

    [PeerFact("ffmpeg")]
    public async Task Ffmpeg_plays_over_rtsps_with_the_servers_certificate()
    {
        using var temp = new TempDirectory();
        var flv = await Ffmpeg.MakeTestFlvAsync(temp.Path, seconds: 3, bFrames: 0);
        var pfx = SelfSignedCertificates.CreatePfx(new[] { "localhost" }, new[] { IPAddress.Loopback }, TimeSpan.FromDays(2), null);
        using var certificate = X509CertificateLoader.LoadPkcs12(pfx, null);
        var options = RtspServer.Options();
        options.RtspsEndpoint = new IPEndPoint(IPAddress.Loopback, 0);
        options.Certificate = certificate;
        await using var server = new InProcessServer(options: options);
        await using var publisher = Ffmpeg.Publish(flv, server.Url("cam"));
        await server.Published("cam", Step);

        var played = await Ffprobe.ProbeAsync($"rtsps://127.0.0.1:{server.Server.RtspsLocalEndPoint.Port}/live/cam", "-rtsp_transport", "tcp");

        Assert.Equal("h264", played.StreamOf("video")?.CodecName);
        Assert.True(played.CountOf("video") > 0);
    }

    private static async Task<int> ProbeAsync(string url)
    {
        await using var probe = PeerProcess.Start("ffprobe", new[] { "-v", "error", "-rtsp_transport", "tcp", "-read_intervals", "%+1", "-show_packets", "-of", "csv", url });
        return await probe.WaitForExitAsync(Step);
    }

    // The answer without what differs per request and connection: the CSeq and the Digest nonce.
    private static List<string> Headers(RtspResponse response)
        => response.Headers.Where(h => h.Key != "CSeq")
            .Select(h => h.Key + ": " + System.Text.RegularExpressions.Regex.Replace(h.Value, "nonce=\"[^\"]*\"", "nonce=\"N\""))
            .Prepend(response.StatusCode + " " + response.Reason).ToList();

    private static async Task<RtspResponse> DescribeAsync(int port, string path, string? authorization)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var headers = new RtspHeaders().Add("CSeq", "2");
        if (authorization != null)
        {
            headers.Add("Authorization", authorization);
        }

        var stream = client.GetStream();
        await stream.WriteAsync(RtspWriter.Write(new RtspRequest("DESCRIBE", $"rtsp://127.0.0.1:{port}/{path}", headers)));
        return await RtspClientReads.ResponseAsync(stream, Step);
    }
}
