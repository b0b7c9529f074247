using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media.Mp4;
using RtmpXProtect.Engine.Recording;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Tests.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Recording;

/// <summary>A publish recorded as segments: where files are cut, how they are named and what they hold.</summary>
public sealed class RecorderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rtmpx-rec-").FullName;
    private readonly LogCapture _log = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Seconds of 25 fps video with a key frame every second, AAC frames every 23 ms between; timestamps from origin.
    private static IEnumerable<MediaFrame> Media(double seconds, uint origin = 0, Func<uint, MediaFrame?>? extra = null)
    {
        uint audio = 0;
        for (uint ms = 0; ms < seconds * 1000; ms += 40)
        {
            if (extra?.Invoke(ms) is { } inserted)
            {
                yield return inserted;
            }

            yield return ms % 1000 == 0 ? Frames.Key(origin + ms) : Frames.Inter(origin + ms);
            for (; audio < ms + 40; audio += 23)
            {
                yield return Frames.Frame(MessageType.Audio, origin + audio, Frames.Aac(3));
            }
        }
    }

    private static IEnumerable<MediaFrame> Headers() => new[]
    {
        Frames.Frame(MessageType.DataAmf0, 0, Frames.Metadata()),
        Frames.Frame(MessageType.Video, 0, Frames.AvcSequenceHeader()),
        Frames.Frame(MessageType.Audio, 0, Frames.AacSequenceHeader()),
    };

    private async Task<Recorder> Record(RecordingOptions options, IEnumerable<MediaFrame> frames, string path = "live/cam1")
    {
        var recorder = new Recorder(options, _folder, path, _log.Logger);
        recorder.OnStart(Array.Empty<MediaFrame>(), newPublisher: true);
        foreach (var frame in frames)
        {
            recorder.OnFrame(frame);
        }

        recorder.OnStop();
        await recorder.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        return recorder;
    }

    private static FragmentedMp4Summary Summary(string file)
    {
        using var stream = File.OpenRead(file);
        return FragmentedMp4Summary.Read(stream);
    }

    [Fact]
    public async Task Segments_start_at_the_first_key_frame_after_their_duration_and_are_named_by_the_pattern()
    {
        var recorder = await Record(new RecordingOptions { SegmentDuration = TimeSpan.FromSeconds(2) }, Headers().Concat(Media(6.5, origin: 5000)));

        var files = recorder.Files;
        Assert.Equal(4, files.Count);
        Assert.All(files, f => Assert.Matches(@"[/\\]live[/\\]cam1[/\\]\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d-\d{6}(-\d+)?\.mp4$", f));
        Assert.Equal(files.OrderBy(f => f, StringComparer.Ordinal), files);
        var durations = files.Select(f => Summary(f).Duration.TotalMilliseconds).ToList();
        Assert.InRange(durations[0], 2000, 2030);
        Assert.InRange(durations[1], 2000, 2030);
        Assert.InRange(durations[3], 500, 540); // audio a frame past the last picture
        Assert.Equal(4, _log.Lines.Count(l => l.Contains("Recorded ")));
        Assert.Null(recorder.CurrentFile);
        Assert.All(files, f => Assert.NotNull(Summary(f).Start));
    }

    [Fact]
    public async Task New_sequence_headers_start_a_file_at_the_next_key_frame_and_the_same_ones_again_do_not()
    {
        var other = Frames.AvcSequenceHeader();
        other[^1] ^= 0x01; // another PPS
        MediaFrame? Extra(uint ms) => ms switch
        {
            400 => Frames.Frame(MessageType.Video, ms, Frames.AvcSequenceHeader()),
            1400 => Frames.Frame(MessageType.Video, ms, other),
            _ => null,
        };

        var recorder = await Record(new RecordingOptions(), Headers().Concat(Media(3, extra: Extra)));

        Assert.Equal(2, recorder.Files.Count);
        Assert.InRange(Summary(recorder.Files[0]).Duration.TotalMilliseconds, 2000, 2030);
    }

    [Fact]
    public async Task Flv_recordings_are_cut_the_same_way()
    {
        var recorder = await Record(new RecordingOptions { Format = RecordingFormat.Flv, SegmentDuration = TimeSpan.FromSeconds(1) }, Headers().Concat(Media(3)));

        Assert.Equal(3, recorder.Files.Count);
        Assert.All(recorder.Files, f => Assert.EndsWith(".flv", f));
        var tags = new RtmpXProtect.Engine.Media.Flv.FlvReader(File.OpenRead(recorder.Files[1]), WireLimits.Default);
        var first = new List<RtmpXProtect.Engine.Media.Flv.FlvTag>();
        while (first.Count < 4 && tags.ReadTag() is { } tag)
        {
            first.Add(tag);
        }

        Assert.Equal(new[] { 0x12, 0x09, 0x08, 0x09 }, first.Select(t => (int)t.Type));
        Assert.Equal(0x17, first[1].Body[0]);
        Assert.Equal(0, first[1].Body[1]); // the sequence header leads each file
        Assert.Equal(0x17, first[3].Body[0]);
        Assert.Equal(1, first[3].Body[1]);
    }

    [Fact]
    public async Task A_publish_mp4_cannot_hold_is_not_recorded_and_says_to_use_flv_once()
    {
        var vp6 = Frames.Frame(MessageType.Video, 0, new byte[] { 0x14, 0, 0, 0, 0, 9 });
        var mp3 = Frames.Frame(MessageType.Audio, 0, new byte[] { 0x2F, 0xFF, 0xFB });
        var frames = new List<MediaFrame>();
        for (uint ms = 0; ms < 3000; ms += 40)
        {
            frames.Add(Frames.Frame(MessageType.Video, ms, new byte[] { (byte)(ms % 1000 == 0 ? 0x14 : 0x24), 1, 2, 3 }));
        }

        var recorder = await Record(new RecordingOptions(), new[] { vp6, mp3 }.Concat(frames));

        Assert.Empty(recorder.Files);
        Assert.Single(_log.Lines, l => l.Contains("Cannot record") && l.Contains("flv"));
        Assert.Empty(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Audio_alone_is_recorded_from_its_first_frame()
    {
        var frames = new List<MediaFrame> { Frames.Frame(MessageType.Audio, 0, Frames.AacSequenceHeader()) };
        for (uint ms = 0; ms < 2000; ms += 23)
        {
            frames.Add(Frames.Frame(MessageType.Audio, ms, Frames.Aac(5)));
        }

        var recorder = await Record(new RecordingOptions(), frames);

        var file = Assert.Single(recorder.Files);
        Assert.InRange(Summary(file).Duration.TotalMilliseconds, 1990, 2030);
        Assert.Contains(_log.Lines, l => l.Contains("Recorded ") && l.Contains("0 video and 87 audio frames"));
    }

    [Fact]
    public async Task The_recording_crosses_the_32_bit_timestamp_wrap_without_a_new_file_or_a_gap()
    {
        var recorder = await Record(new RecordingOptions(), Headers().Concat(Media(3, origin: uint.MaxValue - 1500)));

        var file = Assert.Single(recorder.Files);
        Assert.InRange(Summary(file).Duration.TotalMilliseconds, 3000, 3030);
    }
}
