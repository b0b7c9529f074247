using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Running;
using RtmpXProtect.Engine.Tests.Streaming.Running;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtmpx;
using RtmpXProtect.Interop.Tests.Security;
using Xunit;
using Xunit.Abstractions;

namespace RtmpXProtect.Interop.Tests.Streaming;

public sealed class StreamerAgainstPeersTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ITestOutputHelper _output;

    public StreamerAgainstPeersTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [PeerFact("ffmpeg", "ffprobe", "nginx")]
    public async Task A_source_without_audio_reaches_nginx_with_silent_aac_as_long_as_the_video_over_60_s()
    {
        using var dir = new TempDirectory();
        // 64 s: the first GOP (2 s) goes by while the publisher connects (a destination starts at a
        // keyframe), and a few frames queued at the stop; at least 60 s must remain to measure drift over.
        var flv = await MakeVideoOnlyFlvAsync(dir, seconds: 64);
        await using var nginx = await NginxRtmp.StartAsync();
        var received = dir.File("received.flv");
        await using var player = Ffmpeg.Play(nginx.Url("cam"), received, TimeSpan.FromSeconds(5));
        await nginx.WaitForPlayAsync("cam", Timeout);

        var (streamer, watch, stop, run) = Start(Definition(nginx.Url("cam"), AudioMode.Auto), flv);
        await watch.WaitFor(e => e.Kind == StreamerEventKind.Error && e.Message == "source ended", TimeSpan.FromSeconds(120));
        stop.Cancel();
        await run.WaitAsync(Timeout);
        Assert.Equal(0, await player.WaitForExitAsync(Timeout));

        var probe = await Ffprobe.ProbeAsync(received);
        Assert.Equal("h264", probe.StreamOf("video")!.CodecName);
        Assert.Equal("aac", probe.StreamOf("audio")!.CodecName);
        var video = probe.PacketsOf("video");
        var audio = probe.PacketsOf("audio");
        var videoSpan = video.Max(p => p.Pts!.Value) + 40 - video.Min(p => p.Pts!.Value);
        var audioSpan = audio.Max(p => p.Pts!.Value) + (1024 * 1000 / 48000) - audio.Min(p => p.Pts!.Value);
        var drift = Math.Abs(audioSpan - videoSpan);
        _output.WriteLine($"video {videoSpan} ms ({video.Count} packets, pts {video.Min(p => p.Pts!.Value)}..{video.Max(p => p.Pts!.Value)}), audio {audioSpan} ms ({audio.Count} packets), drift {drift} ms");
        Assert.True(videoSpan >= 60_000, "video only " + videoSpan + " ms");
        Assert.True(drift <= 100, $"audio {audioSpan} ms vs video {videoSpan} ms");
        probe.AssertDtsStrictlyIncreasing("audio");
    }

    [PeerFact("ffmpeg", "ffprobe", "nginx")]
    public async Task A_killed_and_restarted_nginx_gets_the_stream_again_and_the_states_are_logged()
    {
        using var dir = new TempDirectory();
        var flv = await MakeVideoOnlyFlvAsync(dir, seconds: 40);
        var nginx = await NginxRtmp.StartAsync();
        var port = nginx.Port;
        var (streamer, watch, stop, run) = Start(Definition(nginx.Url("cam"), AudioMode.Silent), flv);
        try
        {
            await watch.WaitFor(e => EventWatch.IsState(e, StreamerState.Streaming), Timeout);
            var reconnecting = watch.WaitForNewState(StreamerState.Reconnecting, Timeout);
            nginx.Process.Kill();
            await nginx.DisposeAsync();
            await reconnecting;

            var streaming = watch.WaitForNewState(StreamerState.Streaming, Timeout);
            nginx = await NginxRtmp.StartAsync(port: port);
            await streaming;
            await nginx.WaitForPublishAsync("cam", Timeout);

            // rtmpx's own player reads what nginx relays now: frames, not a guess at how long to wait.
            await using (var player = await RtmpClient.ConnectAsync(RtmpUrl.Parse(nginx.Url("cam"))))
            {
                await player.PlayAsync().WaitAsync(Timeout);
                using var read = new CancellationTokenSource(Timeout);
                var video = 0;
                while (video < 30)
                {
                    var message = await player.Received.ReadAsync(read.Token);
                    video += message.Type == MessageType.Video ? 1 : 0;
                }
            }

            stop.Cancel();
            await run.WaitAsync(Timeout);
            var lines = streamer.Log.Tail(200).Select(l => l.Text).ToList();
            var states = lines.Where(l => l.Contains(" interop: ", StringComparison.Ordinal)).ToList();
            foreach (var line in lines.Where(l => states.Contains(l) || l.Contains("Publishing", StringComparison.Ordinal) || l.Contains("WRN", StringComparison.Ordinal)))
            {
                _output.WriteLine(line);
            }

            Assert.Contains(states, l => l.Contains(": Reconnecting", StringComparison.Ordinal));
            Assert.True(states.FindLastIndex(l => l.Contains(": Streaming", StringComparison.Ordinal)) > states.FindIndex(l => l.Contains(": Reconnecting", StringComparison.Ordinal)));
            Assert.DoesNotContain(lines, l => l.Contains("/live/cam", StringComparison.Ordinal));
        }
        finally
        {
            stop.Cancel();
            await nginx.DisposeAsync();
        }
    }

    [PeerFact("ffmpeg", "ffprobe", "nginx")]
    public async Task A_b_frame_source_keeps_its_composition_times_at_the_far_end()
    {
        using var dir = new TempDirectory();
        var flv = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 6, bFrames: 2);
        await using var nginx = await NginxRtmp.StartAsync();
        var received = dir.File("received.flv");
        await using var player = Ffmpeg.Play(nginx.Url("cam"), received, TimeSpan.FromSeconds(5));
        await nginx.WaitForPlayAsync("cam", Timeout);
        var (_, watch, stop, run) = Start(Definition(nginx.Url("cam"), AudioMode.Auto), flv);
        await watch.WaitFor(e => e.Kind == StreamerEventKind.Error && e.Message == "source ended", Timeout);
        stop.Cancel();
        await run.WaitAsync(Timeout);
        var exit = await player.WaitForExitAsync(Timeout);
        Assert.True(File.Exists(received), $"player exit {exit}: {player.StandardErrorTail()}");

        var sent = (await Ffprobe.ProbeAsync(flv)).PacketsOf("video").Select(p => p.Pts!.Value - p.Dts!.Value).ToList();
        var probe = await Ffprobe.ProbeAsync(received);
        var far = probe.PacketsOf("video").Select(p => p.Pts!.Value - p.Dts!.Value).ToList();
        Assert.Contains(far, offset => offset > 0);
        probe.AssertPtsNotBeforeDts();

        // The far end starts at the first keyframe after the destination connected (the file's first
        // GOP of 50 frames may go while it connects): its offsets are the source's from there on.
        Assert.True(far.Count >= sent.Count - 50, $"{far.Count} of {sent.Count} frames");
        Assert.Equal(sent.Skip(sent.Count - far.Count), far);

        // Source audio (Auto) went through rather than silence: 44.1 kHz as encoded.
        Assert.Equal("aac", probe.StreamOf("audio")!.CodecName);
    }

    [PeerFact("ffmpeg")]
    public async Task An_rtmps_destination_with_a_self_signed_certificate_is_refused_clearly_unless_allowed()
    {
        using var dir = new TempDirectory();
        var flv = await MakeVideoOnlyFlvAsync(dir, seconds: 20);
        using var certificate = TestCertificate.Create();
        await using var server = new InProcessServer(options: new RtmpServerOptions
        {
            Endpoint = null,
            TlsEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
            Certificate = certificate,
        });

        var refused = Definition(server.TlsUrl("refused"), AudioMode.Silent);
        var (_, refusedWatch, refusedStop, refusedRun) = Start(refused, flv);
        var error = await refusedWatch.WaitFor(e => e.Kind == StreamerEventKind.Error && e.Destination != null, Timeout);
        _output.WriteLine(error.Message);
        Assert.StartsWith("certificate not trusted: ", error.Message, StringComparison.Ordinal);
        refusedStop.Cancel();
        await refusedRun.WaitAsync(Timeout);

        var allowed = Definition(server.TlsUrl("allowed"), AudioMode.Silent);
        allowed.Destinations[0].AllowUntrustedCertificate = true;
        var (streamer, watch, stop, run) = Start(allowed, flv);
        await server.Published("allowed", Timeout);
        await watch.WaitFor(e => EventWatch.IsState(e, StreamerState.Streaming), Timeout);
        await using (var player = await RtmpClient.ConnectAsync(RtmpUrl.Parse(server.TlsUrl("allowed")), new RtmpClientOptions { AllowUntrustedCertificate = true }))
        {
            await player.PlayAsync().WaitAsync(Timeout);
            using var read = new CancellationTokenSource(Timeout);
            while ((await player.Received.ReadAsync(read.Token)).Type != MessageType.Video)
            {
            }
        }

        stop.Cancel();
        await run.WaitAsync(Timeout);
        await server.Unpublished("allowed", Timeout);
        Assert.True(streamer.Status().Destinations[0].FramesSent > 0);
    }

    private static StreamDefinition Definition(string url, AudioMode audio) => new StreamDefinition
    {
        Name = "interop",
        Source = "file",
        Audio = audio,
        Destinations = { new DestinationDefinition { Url = url } },
    };

    private static (Streamer Streamer, EventWatch Watch, CancellationTokenSource Stop, Task Run) Start(StreamDefinition definition, string flv)
    {
        var options = new StreamerOptions
        {
            BackoffInitial = TimeSpan.FromMilliseconds(200),
            BackoffMax = TimeSpan.FromSeconds(1),
            Random = new Random(11),
        };
        var streamer = new Streamer(definition, _ => new FlvTestSource(flv), options);
        var watch = new EventWatch();
        streamer.EventRaised += watch.Add;
        var stop = new CancellationTokenSource();
        return (streamer, watch, stop, streamer.RunAsync(stop.Token));
    }

    private static async Task<string> MakeVideoOnlyFlvAsync(TempDirectory dir, int seconds)
    {
        var file = dir.File($"video-only-{seconds}s.flv");
        var s = seconds.ToString(CultureInfo.InvariantCulture);
        await using var encoder = PeerProcess.Start("ffmpeg", new[]
        {
            "-nostdin", "-hide_banner", "-v", "error", "-y",
            "-f", "lavfi", "-i", $"testsrc=size=320x240:rate=25:duration={s}",
            "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "50", "-pix_fmt", "yuv420p",
            "-an", "-f", "flv", file,
        });
        Assert.Equal(0, await encoder.WaitForExitAsync(TimeSpan.FromSeconds(120)));
        return file;
    }
}
