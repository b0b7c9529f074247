using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>
/// RTMP carries 24-bit timestamps in the chunk header and switches to the extended field at
/// 0xFFFFFF ms (4 h 39 min): every long-running encoder crosses that point.
/// </summary>
public sealed class TimestampRolloverTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(40);

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task A_stream_crossing_0xFFFFFF_ms_plays_and_records_without_a_gap()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 5, bFrames: 2, gop: 250);
        var recordings = Path.Combine(dir.Path, "rec");
        await using var server = new InProcessServer(recordings);
        var watch = new TimestampWatch();
        server.Server.Hub.Subscribe("live/cam1", watch);

        // 16775 s puts the crossing at 16777.215 s, 2.2 s into the file.
        await using var publisher = Ffmpeg.Publish(source, server.Url("cam1"), new[] { "-output_ts_offset", "16775" });
        await server.Published("cam1", Step);
        await using var player = Ffmpeg.Play(server.Url("cam1"), dir.File("played.flv"));
        Assert.Equal(0, await publisher.WaitForExitAsync(Step));
        Assert.Equal(0, await player.WaitForExitAsync(Step));
        await server.DisposeAsync();

        Assert.True(watch.First < 0xFFFFFF && watch.Last > 0xFFFFFF, $"the publish did not cross 0xFFFFFF: {watch.First}..{watch.Last}");
        var expected = (await Ffprobe.ProbeAsync(source)).CountOf("video");
        foreach (var file in new[] { dir.File("played.flv"), Assert.Single(Directory.GetFiles(recordings, "*.mp4", SearchOption.AllDirectories)) })
        {
            var probe = await Ffprobe.ProbeAsync(file);
            Assert.Equal(expected, probe.CountOf("video"));
            probe.AssertDtsStrictlyIncreasing("video");
            probe.AssertPtsNotBeforeDts();
            var dts = probe.PacketsOf("video").Select(p => p.Dts!.Value).ToList();
            var perMillisecond = file.EndsWith(".mp4", StringComparison.Ordinal) ? 90 : 1; // MP4 is timed at 90 kHz
            var largestStep = dts.Zip(dts.Skip(1), (a, b) => b - a).Max() / perMillisecond;
            Assert.True(largestStep <= 80, $"{Path.GetFileName(file)}: a gap of {largestStep} ms between frames 40 ms apart");
        }
    }

    private sealed class TimestampWatch : IMediaSink
    {
        public uint First { get; private set; } = uint.MaxValue;

        public uint Last { get; private set; }

        public void OnStart(IReadOnlyList<MediaFrame> cached, bool newPublisher)
        {
        }

        public void OnFrame(MediaFrame frame)
        {
            if (frame.Kind is FrameKind.Video or FrameKind.VideoKeyFrame)
            {
                First = Math.Min(First, frame.Message.Timestamp);
                Last = Math.Max(Last, frame.Message.Timestamp);
            }
        }

        public void OnStop()
        {
        }
    }
}
