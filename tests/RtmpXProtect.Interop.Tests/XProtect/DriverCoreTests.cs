using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Aac;
using RtmpXProtect.Engine.XProtect.Driver;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Security;
using Xunit;

namespace RtmpXProtect.Interop.Tests.XProtect;

/// <summary>
/// The driver core as the Recording Server would use it: ffmpeg and GStreamer publish to its
/// devices, and what each device's feed yields is checked frame by frame against the source.
/// </summary>
public class DriverCoreTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    private static RtmpDriver Start(DriverSettings settings) => RtmpDriver.Start(settings, null, IPAddress.Loopback);

    private static string Url(RtmpDriver driver, int device, string key) => $"rtmp://127.0.0.1:{driver.Server.LocalEndPoint.Port}/live/stream{device}?key={key}";

    // Pulls a feed on a thread of its own, as the Recording Server's session does, until told to stop.
    private static (Task<List<DriverFrame>> Frames, CancellationTokenSource Stop) Pull(DeviceFeed feed)
    {
        var stop = new CancellationTokenSource();
        var frames = Task.Run(() =>
        {
            // Until stopped and drained: a frame still queued at the stop is taken, not lost.
            var taken = new List<DriverFrame>();
            while (true)
            {
                if (feed.TryGetFrame(TimeSpan.FromMilliseconds(100), out var frame))
                {
                    taken.Add(frame!);
                }
                else if (stop.IsCancellationRequested)
                {
                    return taken;
                }
            }
        });
        return (frames, stop);
    }

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task Every_frame_of_an_ffmpeg_publish_with_b_frames_arrives_with_its_codec_sync_sequence_and_times()
    {
        using var temp = new TempDirectory();
        var flv = await Ffmpeg.MakeTestFlvAsync(temp.Path, seconds: 4, bFrames: 2, gop: 25);
        var source = await Ffprobe.ProbeAsync(flv);
        await using var driver = Start(new DriverSettings { Port = 0, PublishKey = "k-1" });
        var events = new ConcurrentQueue<DeviceEvent>();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        driver.DeviceEvent += e =>
        {
            events.Enqueue(e);
            if (!e.Started)
            {
                stopped.TrySetResult();
            }
        };
        var video = driver.OpenFeed(1);
        var audio = driver.OpenFeed(1, audio: true);
        var microphone = driver.OpenFeed(1, audio: true, framing: AacFraming.Raw);
        var (videoFrames, stopVideo) = Pull(video);
        var (audioFrames, stopAudio) = Pull(audio);
        var (rawFrames, stopRaw) = Pull(microphone);

        await using (var publisher = Ffmpeg.Publish(flv, Url(driver, 1, "k-1")))
        {
            Assert.Equal(0, await publisher.WaitForExitAsync(Step));
        }

        await stopped.Task.WaitAsync(Step);
        stopVideo.Cancel();
        stopAudio.Cancel();
        stopRaw.Cancel();
        var frames = await videoFrames.WaitAsync(Step);
        var sounds = await audioFrames.WaitAsync(Step);
        var raw = await rawFrames.WaitAsync(Step);

        var expected = source.PacketsOf("video");
        Assert.Equal(expected.Count, frames.Count);
        Assert.All(frames, f => Assert.Equal(VideoCodec.Avc, f.VideoCodec));
        Assert.Equal(expected.Select(p => p.Keyframe), frames.Select(f => f.IsSync));
        Assert.Equal(Enumerable.Range(0, frames.Count).Select(i => (ushort)i), frames.Select(f => f.SequenceNumber));
        Assert.All(frames.Where(f => f.IsSync), f => Assert.Equal(new byte[] { 0, 0, 0, 1, 0x67 }, f.Data.Take(5)));

        // Presentation times on the wall clock keep the source's PTS steps, B-frames included (±1 ms of rounding).
        var firstPts = expected[0].Pts!.Value;
        var offsets = frames.Select(f => (f.Time - frames[0].Time).TotalMilliseconds).ToList();
        var wanted = expected.Select(p => (double)(p.Pts!.Value - firstPts)).ToList();
        for (int i = 0; i < frames.Count; i++)
        {
            Assert.True(Math.Abs(offsets[i] - wanted[i]) <= 1, $"frame {i}: {offsets[i]} ms after the first, the source says {wanted[i]}");
        }

        Assert.True(frames.Zip(frames.Skip(1)).Count(p => p.Second.Time < p.First.Time) > 10, "B-frames are shown before the frame decoded ahead of them");
        DriverFrame? lastSync = null;
        foreach (var frame in frames)
        {
            lastSync = frame.IsSync ? frame : lastSync;
            Assert.Equal(lastSync!.Time, frame.SyncTime);
        }

        Assert.InRange(sounds.Count, source.CountOf("audio") - 2, source.CountOf("audio"));
        Assert.All(sounds, s => Assert.Equal(new byte[] { 0xFF, 0xF1 }, s.Data.Take(2)));
        Assert.True(Math.Abs((sounds[0].Time - frames.Min(f => f.Time)).TotalMilliseconds) < 200, "audio and video start together");

        // The microphone's raw access units (what the MIP adapter hands over): the same frames without ADTS, at ffmpeg's 44.1 kHz stereo.
        Assert.Equal(sounds.Select(s => s.Data.Length - AdtsHeader.Length), raw.Select(r => r.Data.Length));
        // Each feed anchors its clock at its own first frame, so the two may start a millisecond apart.
        Assert.Equal(sounds.Select(s => s.Time - sounds[0].Time), raw.Select(r => r.Time - raw[0].Time));
        Assert.True(Math.Abs((raw[0].Time - sounds[0].Time).TotalMilliseconds) <= 5, "the two audio feeds start together");
        Assert.All(raw, r => Assert.Equal((44100, 2), (r.SampleRate, r.Channels)));
        Assert.Equal(new[] { (1, true), (1, false) }, events.Select(e => (e.Device, e.Started)));
    }

    [PeerFact("gst-launch-1.0")]
    public async Task A_gstreamer_publish_raises_started_and_stopped_with_nobody_pulling()
    {
        await using var driver = Start(new DriverSettings { Port = 0 });
        var events = new ConcurrentQueue<DeviceEvent>();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        driver.DeviceEvent += e =>
        {
            events.Enqueue(e);
            if (!e.Started)
            {
                stopped.TrySetResult();
            }
        };

        await using var publisher = PeerProcess.Start("gst-launch-1.0", new[]
        {
            "-q", "videotestsrc", "num-buffers=75", "!", "video/x-raw,width=320,height=240,framerate=25/1", "!",
            "x264enc", "tune=zerolatency", "speed-preset=ultrafast", "key-int-max=25", "!", "h264parse", "!",
            "flvmux", "streamable=true", "!", "rtmp2sink", $"location=rtmp://127.0.0.1:{driver.Server.LocalEndPoint.Port}/live/stream7",
        });
        Assert.True(0 == await publisher.WaitForExitAsync(Step), publisher.StandardErrorTail());
        await stopped.Task.WaitAsync(Step);

        Assert.Equal(new[] { (7, true), (7, false) }, events.Select(e => (e.Device, e.Started)));
        Assert.Equal("127.0.0.1", events.First().PublisherAddress.Split(':')[0]);
    }

    [PeerFact("ffmpeg")]
    public async Task A_new_key_for_one_device_and_tls_on_keep_the_other_device_streaming()
    {
        using var temp = new TempDirectory();
        var flv = await Ffmpeg.MakeTestFlvAsync(temp.Path, seconds: 30, bFrames: 0);
        var settings = new DriverSettings { Port = 0, PublishKey = "shared" };
        await using var driver = Start(settings);
        var started = new ConcurrentDictionary<int, TaskCompletionSource>();
        var stopped = new ConcurrentDictionary<int, TaskCompletionSource>();
        TaskCompletionSource Slot(ConcurrentDictionary<int, TaskCompletionSource> slots, int device) => slots.GetOrAdd(device, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        driver.DeviceEvent += e => Slot(e.Started ? started : stopped, e.Device).TrySetResult();
        var feed = driver.OpenFeed(2);
        var port = driver.Server.LocalEndPoint.Port;

        await using var one = Ffmpeg.Publish(flv, Url(driver, 1, "shared"));
        await using var two = Ffmpeg.Publish(flv, Url(driver, 2, "shared"));
        await Slot(started, 1).Task.WaitAsync(Step);
        await Slot(started, 2).Task.WaitAsync(Step);

        // Device 1 gets its own key: its publisher, holding the old one, is dropped; device 2 is not touched.
        var changed = new DriverSettings { Port = port, PublishKey = "shared" };
        changed.DevicePublishKeys[1] = "new-key";
        var result = driver.ApplySettings(changed);
        await Slot(stopped, 1).Task.WaitAsync(Step);
        Assert.Equal(1, result.SessionsRevoked);

        // RTMPS on the same port: the listener restarts, the accepted publisher of device 2 streams on.
        using var certificate = TestCertificate.Create();
        var tls = new DriverSettings { Port = port, PublishKey = "shared", UseTls = true, CertificatePath = temp.File("driver.pfx"), CertificatePassword = "pfx pass" };
        System.IO.File.WriteAllBytes(tls.CertificatePath, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pfx pass"));
        tls.DevicePublishKeys[1] = "new-key";
        Assert.True(driver.ApplySettings(tls).TlsListenerRestarted);

        // What device 2 sent before the changes is taken; then 50 more pictures must come, in sequence.
        ushort last = 0;
        while (feed.TryGetFrame(TimeSpan.Zero, out var queued))
        {
            last = queued!.SequenceNumber;
        }

        for (int i = 1; i <= 50; i++)
        {
            Assert.True(feed.TryGetFrame(Step, out var frame), $"device 2 stopped streaming {i} pictures after the changes");
            Assert.Equal((ushort)(last + i), frame!.SequenceNumber);
        }

        Assert.False(stopped.ContainsKey(2), "device 2's publisher was dropped by a change that was not its");
        Assert.True(feed.IsOnline);
    }
}
