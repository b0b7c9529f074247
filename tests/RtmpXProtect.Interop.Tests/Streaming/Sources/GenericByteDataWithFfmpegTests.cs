using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine;
using RtmpXProtect.Engine.Buffers;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Avc;
using RtmpXProtect.Engine.Media.Flv;
using RtmpXProtect.Engine.Media.GenericByteData;
using RtmpXProtect.Engine.Media.Hevc;
using RtmpXProtect.Engine.Media.Nal;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Running;
using RtmpXProtect.Engine.Streaming.Sources;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtmpx;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Streaming.Sources;

/// <summary>
/// Real x264/x265 material wrapped in GenericByteData frames, read back through the source and
/// converter and published to rtmpx: what a Recording Server camera would go through.
/// </summary>
public sealed class GenericByteDataWithFfmpegTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [PeerFact("ffmpeg", "ffprobe")]
    public async Task H264_with_B_frames_reaches_ffmpeg_with_every_frame_and_its_presentation_time()
    {
        using var dir = new TempDirectory();

        // One GOP for the whole file, so the player joining after the publish starts gets every frame from the cache.
        var flv = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 4, bFrames: 2, gop: 250);
        var expected = await Ffprobe.ProbeAsync(flv);
        var gbd = dir.File("cam1.gbd");
        var written = WriteH264FromFlv(flv, gbd);
        Assert.Equal(expected.CountOf("video"), written);

        await using var server = new InProcessServer();
        var source = new GenericByteDataSource(() => File.OpenRead(gbd), "cam1.gbd", new SystemPlaybackClock());
        var client = await RtmpClient.ConnectAsync(RtmpUrl.Parse(server.Url("gbd")));
        await client.PublishAsync();
        await using var enumerator = source.ReadAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync());
        await client.SendAsync(enumerator.Current.Message);
        Assert.True(await enumerator.MoveNextAsync());
        await client.SendAsync(enumerator.Current.Message);
        await server.Published("gbd", Step);
        await using var player = Ffmpeg.Play(server.Url("gbd"), dir.File("played.flv"));
        while (await enumerator.MoveNextAsync())
        {
            await client.SendAsync(enumerator.Current.Message);
        }

        await client.CloseAsync();
        Assert.Equal(0, await player.WaitForExitAsync(Step));

        var played = await Ffprobe.ProbeAsync(dir.File("played.flv"));
        Assert.Equal("h264", played.StreamOf("video")?.CodecName);
        Assert.Equal(expected.CountOf("video"), played.CountOf("video"));
        played.AssertPtsNotBeforeDts();
        var expectedPts = Relative(expected.PacketsOf("video").Select(p => p.Pts!.Value));
        var playedPts = Relative(played.PacketsOf("video").Select(p => p.Pts!.Value));
        Assert.Equal(expectedPts, playedPts);
        Assert.Contains(played.PacketsOf("video"), p => p.Pts > p.Dts);
    }

    [PeerFact("ffmpeg")]
    public async Task H265_arrives_as_hvc1_of_the_encoded_size_at_rtmpx_own_player()
    {
        using var dir = new TempDirectory();
        var (gbd, accessUnits) = await EncodeH265GbdAsync(dir, "320x240");

        await using var server = new InProcessServer();
        var player = await PlayerRecord.StartAsync(server, "hevc", accessUnits);

        var publisher = await RtmpClient.ConnectAsync(RtmpUrl.Parse(server.Url("hevc")));
        await publisher.PublishAsync();
        // Paced like a camera: a burst of two seconds of video at once is what a player queue may rightly shed.
        var source = new GenericByteDataSource(() => File.OpenRead(gbd), "cam1.gbd", new SystemPlaybackClock());
        int sent = 0;
        await foreach (var frame in source.ReadAsync(CancellationToken.None))
        {
            await publisher.SendAsync(frame.Message);
            sent++;
        }

        Assert.Equal(accessUnits + 1, sent);

        // Closed once the player has it all: the unpublish notice can overtake the last frame in the
        // server's queue for the player, which is the server's business, not the source's.
        await player.AllArrived.WaitAsync(Step);
        await publisher.CloseAsync();
        await player.Playing.WaitAsync(Step);
        await player.Client.CloseAsync();

        var received = player.Video;
        var headers = received.Select(m => VideoTagHeader.Parse(m.Payload.Span)).ToList();
        Assert.All(headers, h => Assert.Equal(FourCc.Hvc1, h.FourCc));
        var sequenceStart = received[headers.FindIndex(h => h.IsSequenceHeader)];
        var record = HevcDecoderConfigurationRecord.Parse(sequenceStart.Payload.Span.Slice(5), WireLimits.Default);
        Assert.Equal(320, record.Width);
        Assert.Equal(240, record.Height);
        Assert.Equal(accessUnits, headers.Count(h => h.PacketKind == VideoPacketKind.CodedFrames));
        Assert.Equal(2, headers.Count(h => h.IsKeyFrame && !h.IsSequenceHeader));
    }

    // Issue 5 item 9: the whole product path, not the source alone: GenericByteData H.265 → Streamer
    // (Enhanced RTMP publisher, silent AAC added) → rtmpx → rtmpx's own RtmpClient as the player.
    [PeerFact("ffmpeg")]
    public async Task H265_through_the_streamer_arrives_as_hvc1_of_the_encoded_size_at_rtmpx_own_player()
    {
        using var dir = new TempDirectory();
        var (gbd, accessUnits) = await EncodeH265GbdAsync(dir, "352x288");

        await using var server = new InProcessServer();
        var player = await PlayerRecord.StartAsync(server, "hevc", accessUnits);

        var definition = new StreamDefinition { Name = "hevc", Source = gbd, Destinations = { new DestinationDefinition { Url = server.Url("hevc") } } };
        var streamer = new Streamer(definition, d => FrameSources.Create(d.Source, new FrameSourceContext()));
        using var stop = new CancellationTokenSource();
        var run = streamer.RunAsync(stop.Token);
        await player.AllArrived.WaitAsync(Step);
        stop.Cancel();
        await run.WaitAsync(Step);
        await server.Unpublished("hevc", Step);
        await player.Client.CloseAsync();
        await player.Playing.WaitAsync(Step);

        var video = player.Video;
        var headers = video.Select(m => VideoTagHeader.Parse(m.Payload.Span)).ToList();
        Assert.All(headers, h => Assert.Equal(FourCc.Hvc1, h.FourCc));
        var record = HevcDecoderConfigurationRecord.Parse(video[headers.FindIndex(h => h.IsSequenceHeader)].Payload.Span.Slice(5), WireLimits.Default);
        Assert.Equal((352, 288), (record.Width, record.Height));
        Assert.True(headers.Count(h => h.PacketKind == VideoPacketKind.CodedFrames) >= accessUnits);
        Assert.True(headers.Count(h => h.IsKeyFrame && !h.IsSequenceHeader) >= 2);

        // The source has no audio: the streamer's silent AAC went along (auto), about 47 frames a second.
        var audio = player.Audio;
        Assert.True(audio > 40, $"{audio} audio messages");
        Assert.Equal(StreamerState.Disabled, streamer.Status().State);
    }

    // Two seconds of x265 at 25 fps with an access unit delimiter on each, wrapped as GenericByteData: 50 frames.
    private static async Task<(string Gbd, int AccessUnits)> EncodeH265GbdAsync(TempDirectory dir, string size)
    {
        var h265 = dir.File("out.h265");
        await using (var encoder = PeerProcess.Start("ffmpeg", new[]
        {
            "-nostdin", "-hide_banner", "-v", "error", "-y",
            "-f", "lavfi", "-i", $"testsrc=size={size}:rate=25:duration=2",
            "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "bframes=0:keyint=25:log-level=error",
            "-bsf:v", "hevc_metadata=aud=insert", "-f", "hevc", h265,
        }))
        {
            Assert.Equal(0, await encoder.WaitForExitAsync(Step));
        }

        var gbd = dir.File("cam1.gbd");
        var accessUnits = WriteH265FromAnnexB(File.ReadAllBytes(h265), gbd);
        Assert.Equal(50, accessUnits);
        return (gbd, accessUnits);
    }

    // ffmpeg's FLV holds AVCC frames with their composition times: back to Annex B with SPS/PPS
    // in front of key frames, stamped with presentation time only, as a Recording Server sends them.
    private static int WriteH264FromFlv(string flv, string gbd)
    {
        using var input = File.OpenRead(flv);
        var reader = new FlvReader(input, WireLimits.Default);
        var writer = new GenericByteDataFileWriter();
        AvcDecoderConfigurationRecord? config = null;
        while (reader.ReadTag() is FlvTag tag)
        {
            if (tag.Type != FlvTagType.Video)
            {
                continue;
            }

            var header = VideoTagHeader.Parse(tag.Body);
            var data = tag.Body.AsSpan(header.DataOffset);
            if (header.IsSequenceHeader)
            {
                config = AvcDecoderConfigurationRecord.Parse(data, WireLimits.Default);
                continue;
            }

            if (header.PacketKind != VideoPacketKind.CodedFrames || config == null)
            {
                continue;
            }

            var unit = new ByteBufferWriter();
            if (header.IsKeyFrame)
            {
                AnnexB.ToAnnexB(Prefixed(config.Sps[0]).Concat(Prefixed(config.Pps[0])).ToArray(), 4, unit);
            }

            AnnexB.ToAnnexB(data, config.NalLengthSize, unit);
            writer.Add(GenericByteDataCodec.H264, unit.WrittenSpan.ToArray(), tag.Timestamp + header.CompositionTime, header.IsKeyFrame);
        }

        writer.Save(gbd);
        return writer.Frames;
    }

    // Access units of a raw .h265 split with the engine's Annex B scanner at each access unit delimiter.
    private static int WriteH265FromAnnexB(byte[] stream, string gbd)
    {
        var writer = new GenericByteDataFileWriter();
        var current = new List<byte>();
        bool key = false;
        int index = 0;
        void Flush()
        {
            if (current.Count > 0)
            {
                writer.Add(GenericByteDataCodec.H265, current.ToArray(), index * 40L, key);
                index++;
            }

            current.Clear();
            key = false;
        }

        foreach (var unit in AnnexB.FindNalUnits(stream))
        {
            int type = (stream[unit.Offset] >> 1) & 0x3F;
            if (type == 35)
            {
                Flush();
            }

            key |= type >= 16 && type <= 23;
            current.AddRange(new byte[] { 0, 0, 0, 1 });
            current.AddRange(stream.AsSpan(unit.Offset, unit.Length).ToArray());
        }

        Flush();
        writer.Save(gbd);
        return writer.Frames;
    }

    private static byte[] Prefixed(byte[] nal) => new[] { (byte)(nal.Length >> 24), (byte)(nal.Length >> 16), (byte)(nal.Length >> 8), (byte)nal.Length }.Concat(nal).ToArray();

    private static List<long> Relative(IEnumerable<long> values)
    {
        var list = values.ToList();
        long first = list.Min();
        return list.Select(v => v - first).ToList();
    }

    /// <summary>
    /// rtmpx's own RtmpClient playing a path, subscribed before anything is published: keeps the video
    /// messages, counts the audio ones, and says when the expected number of coded frames arrived.
    /// </summary>
    private sealed class PlayerRecord
    {
        private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly int _accessUnits;
        private int _coded;

        private PlayerRecord(RtmpClient client, int accessUnits)
        {
            Client = client;
            _accessUnits = accessUnits;
            Playing = Task.Run(ReadAsync);
        }

        public RtmpClient Client { get; }

        /// <summary>Ends when the server closes the play; read <see cref="Video"/> and <see cref="Audio"/> after it.</summary>
        public Task Playing { get; }

        public Task AllArrived => _allArrived.Task;

        public List<RtmpMessage> Video { get; } = new();

        public int Audio { get; private set; }

        public static async Task<PlayerRecord> StartAsync(InProcessServer server, string stream, int accessUnits)
        {
            var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            server.Server.Hub.Subscribed += _ => subscribed.TrySetResult();
            var client = await RtmpClient.ConnectAsync(RtmpUrl.Parse(server.Url(stream)));
            await client.PlayAsync();
            await subscribed.Task.WaitAsync(Step);
            return new PlayerRecord(client, accessUnits);
        }

        private async Task ReadAsync()
        {
            while (await Client.Received.WaitToReadAsync())
            {
                while (Client.Received.TryRead(out var message))
                {
                    if (message.Type == MessageType.Audio)
                    {
                        Audio++;
                    }
                    else if (message.Type == MessageType.Video)
                    {
                        Video.Add(message);
                        if (VideoTagHeader.Parse(message.Payload.Span).PacketKind == VideoPacketKind.CodedFrames && ++_coded == _accessUnits)
                        {
                            _allArrived.TrySetResult();
                        }
                    }
                }
            }
        }
    }
}
