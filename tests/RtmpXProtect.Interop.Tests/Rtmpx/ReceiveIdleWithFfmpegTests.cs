using System;
using System.Net;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>
/// An ffmpeg player only receives; the server's receive-idle timeout must not drop it, because the
/// server pings a quiet connection and ffmpeg answers (libavformat/rtmpproto.c answers Ping Request).
/// </summary>
public sealed class ReceiveIdleWithFfmpegTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task An_ffmpeg_player_stays_through_six_seconds_of_stream_with_a_two_second_receive_idle_timeout()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 6, bFrames: 0, gop: 250);
        await using var server = new InProcessServer(options: new RtmpServerOptions
        {
            Endpoint = new IPEndPoint(IPAddress.Loopback, 0),
            Admission = new AdmissionLimits
            {
                MaxConnectionsPerAddress = 100_000,
                NewConnectionsPerSecondPerAddress = 100_000,
                ReceiveIdleTimeout = TimeSpan.FromSeconds(2),
            },
        });

        await using var publisher = Ffmpeg.Publish(source, server.Url("cam1"));
        await server.Published("cam1", Step);
        await using var player = Ffmpeg.Play(server.Url("cam1"), dir.File("played.flv"));

        Assert.Equal(0, await publisher.WaitForExitAsync(Step));
        Assert.Equal(0, await player.WaitForExitAsync(Step));
        Assert.Equal(0, server.Server.Rejections[RejectionReason.ReceiveIdleTimeout]);

        var expected = await Ffprobe.ProbeAsync(source);
        var played = await Ffprobe.ProbeAsync(dir.File("played.flv"));
        Assert.Equal(expected.CountOf("video"), played.CountOf("video"));
    }
}
