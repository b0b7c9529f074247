using System;
using System.Linq;
using RtmpXProtect.Engine.Media.Avc;
using RtmpXProtect.Engine.Media.Hevc;
using RtmpXProtect.Engine.Rtsp.Rtp;
using RtmpXProtect.Engine.Rtsp.Session;
using RtmpXProtect.Engine.Tests.Media;
using RtmpXProtect.Engine.Tests.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtsp;

public sealed class PublishPacketizerTests
{
    private static readonly DateTime Anchor = new DateTime(2026, 12, 2, 6, 0, 0, DateTimeKind.Utc);

    private static PublishPacketizer Make(byte[]? video, byte[]? audio, int seed = 1)
        => PublishPacketizer.Create(video, audio, WireLimits.Default, Anchor, new Random(seed))!;

    // A legacy AVC coded-frames tag: key or inter, composition offset, then 4-byte-length NAL units.
    private static byte[] AvcFrame(bool key, int compositionTime, params byte[][] nals)
    {
        var body = new byte[5 + nals.Sum(n => 4 + n.Length)];
        body[0] = key ? (byte)0x17 : (byte)0x27;
        body[1] = 1;
        body[2] = (byte)(compositionTime >> 16);
        body[3] = (byte)(compositionTime >> 8);
        body[4] = (byte)compositionTime;
        var offset = 5;
        foreach (var nal in nals)
        {
            body[offset] = (byte)(nal.Length >> 24);
            body[offset + 1] = (byte)(nal.Length >> 16);
            body[offset + 2] = (byte)(nal.Length >> 8);
            body[offset + 3] = (byte)nal.Length;
            nal.CopyTo(body, offset + 4);
            offset += 4 + nal.Length;
        }

        return body;
    }

    private static byte[] Rtp(byte[] packet) => packet.AsSpan(RtpFrame.Headroom).ToArray();

    [Fact]
    public void The_tracks_and_sdp_come_from_the_sequence_headers_video_first()
    {
        var packetizer = Make(Frames.AvcSequenceHeader(), Frames.AacSequenceHeader());

        Assert.Equal(new[] { "H264", "MPEG4-GENERIC" }, packetizer.Tracks.Select(t => t.Codec));
        Assert.Equal(new[] { 90000, 44100 }, packetizer.Tracks.Select(t => t.ClockRate));
        Assert.Equal(new[] { "trackID=0", "trackID=1" }, packetizer.Tracks.Select(t => t.Control));
        var sdp = packetizer.Sdp("live/cam", 7);
        Assert.Contains("m=video 0 RTP/AVP 96\r\n", sdp);
        Assert.Contains("sprop-parameter-sets=" + Convert.ToBase64String(MediaVectors.Hex(MediaVectors.AvcSps720)) + ",", sdp);
        Assert.Contains("a=rtpmap:97 MPEG4-GENERIC/44100/2\r\n", sdp);
        Assert.True(sdp.IndexOf("m=video", StringComparison.Ordinal) < sdp.IndexOf("m=audio", StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_rtsp_carries_gives_no_packetizer_and_audio_alone_is_track_0()
    {
        Assert.Null(PublishPacketizer.Create(null, null, WireLimits.Default, Anchor, new Random(1)));
        Assert.Null(PublishPacketizer.Create(new byte[] { 0x17, 0, 0, 0, 0, 9, 9 }, new byte[] { 0x2F, 0 }, WireLimits.Default, Anchor, new Random(1)));

        var audioOnly = Make(null, Frames.AacSequenceHeader());
        Assert.Null(audioOnly.VideoTrack);
        Assert.Equal(0, Assert.Single(audioOnly.Tracks).Index);
    }

    [Fact]
    public void A_key_frame_without_parameter_sets_is_led_by_them_and_the_marker_ends_the_picture()
    {
        var packetizer = Make(Frames.AvcSequenceHeader(), null);
        var idr = new byte[] { 0x65, 1, 2, 3 };

        var frame = packetizer.Packetize(true, AvcFrame(true, 0, idr), 40)!;

        var rtp = frame.Packets.Select(Rtp).ToList();
        Assert.Equal(3, rtp.Count);
        Assert.Equal(MediaVectors.Hex(MediaVectors.AvcSps720), rtp[0].AsSpan(RtpHeader.Length).ToArray());
        Assert.Equal(MediaVectors.Hex(MediaVectors.AvcPps), rtp[1].AsSpan(RtpHeader.Length).ToArray());
        Assert.Equal(idr, rtp[2].AsSpan(RtpHeader.Length).ToArray());
        Assert.Equal(new[] { false, false, true }, rtp.Select(p => (p[1] & 0x80) != 0));
        Assert.True(frame.IsKeyFrame);

        // The same picture with its own SPS needs none in front, and an inter frame never gets them.
        Assert.Equal(2, packetizer.Packetize(true, AvcFrame(true, 0, MediaVectors.Hex(MediaVectors.AvcSps720), idr), 80)!.Packets.Count);
        Assert.Single(packetizer.Packetize(true, AvcFrame(false, 0, new byte[] { 0x41, 9 }), 120)!.Packets);
    }

    [Fact]
    public void Video_is_stamped_with_its_presentation_time_at_90_khz_and_sequence_numbers_run_on()
    {
        var packetizer = Make(Frames.AvcSequenceHeader(), null);
        var first = packetizer.Packetize(true, AvcFrame(true, 80, new byte[] { 0x65, 1 }), 1000)!;
        var bFrame = packetizer.Packetize(true, AvcFrame(false, 0, new byte[] { 0x01, 1 }), 1040)!;

        Assert.Equal(unchecked((uint)((80 - 40) * 90)), unchecked(first.RtpTimestamp - bFrame.RtpTimestamp));
        Assert.Equal(Anchor.AddMilliseconds(80), first.WallClock);
        Assert.Equal(Anchor.AddMilliseconds(40), bFrame.WallClock);
        var lastOfFirst = RtpHeader.SequenceOf(first.Packets[^1].AsSpan(RtpFrame.Headroom));
        Assert.Equal((ushort)(lastOfFirst + 1), RtpHeader.SequenceOf(bFrame.Packets[0].AsSpan(RtpFrame.Headroom)));
        Assert.All(first.Packets.Concat(bFrame.Packets), p => Assert.Equal(first.Track.Ssrc, (uint)((p[12] << 24) | (p[13] << 16) | (p[14] << 8) | p[15])));
    }

    [Fact]
    public void Every_packet_carries_its_interleaved_header_for_the_tracks_default_channel()
    {
        var packetizer = Make(Frames.AvcSequenceHeader(), Frames.AacSequenceHeader());
        var video = packetizer.Packetize(true, AvcFrame(true, 0, new byte[3000]), 0)!;
        var audio = packetizer.Packetize(false, Frames.Aac(7), 0)!;

        foreach (var (frame, channel) in new[] { (video, 0), (audio, 2) })
        {
            Assert.All(frame.Packets, p =>
            {
                Assert.Equal((byte)'$', p[0]);
                Assert.Equal(channel, p[1]);
                Assert.Equal(p.Length - RtpFrame.Headroom, (p[2] << 8) | p[3]);
            });
        }

        Assert.True(video.Packets.Count > 2);
        Assert.Equal(video.Packets.Sum(p => p.Length - RtpFrame.Headroom - RtpHeader.Length), video.PayloadBytes);
    }

    [Fact]
    public void Audio_is_stamped_at_its_sample_rate_on_the_same_wall_clock_as_video_across_the_32_bit_wrap()
    {
        var packetizer = Make(Frames.AvcSequenceHeader(), Frames.AacSequenceHeader());
        var video = packetizer.Packetize(true, AvcFrame(true, 0, new byte[] { 0x65 }), uint.MaxValue - 9)!;
        var before = packetizer.Packetize(false, Frames.Aac(1), uint.MaxValue - 9)!;
        var after = packetizer.Packetize(false, Frames.Aac(1), 990)!;

        Assert.Equal(video.WallClock, before.WallClock);
        Assert.Equal(Anchor.AddMilliseconds(1000), after.WallClock);
        Assert.Equal(44100u, unchecked(after.RtpTimestamp - before.RtpTimestamp));
    }

    [Fact]
    public void A_new_sequence_header_changes_the_parameter_sets_sent_in_band()
    {
        var packetizer = Make(Frames.AvcSequenceHeader(), null);
        var sps1080 = MediaVectors.Hex(MediaVectors.AvcSps1080);
        var record = AvcDecoderConfigurationRecord.Create(sps1080, MediaVectors.Hex(MediaVectors.AvcPps)).ToBytes();
        var header = new byte[5 + record.Length];
        header[0] = 0x17;
        record.CopyTo(header, 5);

        Assert.Null(packetizer.Packetize(true, header, 0));
        var frame = packetizer.Packetize(true, AvcFrame(true, 0, new byte[] { 0x65, 1 }), 0)!;

        Assert.Equal(sps1080, Rtp(frame.Packets[0]).AsSpan(RtpHeader.Length).ToArray());
    }

    [Fact]
    public void Hevc_is_described_with_its_three_parameter_sets_and_packetized_as_h265()
    {
        var record = HevcDecoderConfigurationRecord.Create(MediaVectors.Hex(MediaVectors.HevcVps720), MediaVectors.Hex(MediaVectors.HevcSps720), MediaVectors.Hex(MediaVectors.HevcPps)).ToBytes();
        var header = new byte[5 + record.Length];
        header[0] = 0x90; // enhanced, key frame, SequenceStart
        header[1] = (byte)'h';
        header[2] = (byte)'v';
        header[3] = (byte)'c';
        header[4] = (byte)'1';
        record.CopyTo(header, 5);
        var packetizer = Make(header, null);

        Assert.Equal("H265", packetizer.VideoTrack!.Codec);
        Assert.Contains("sprop-vps=", packetizer.Sdp("live/h", 1));

        var coded = new byte[] { 0x91, (byte)'h', (byte)'v', (byte)'c', (byte)'1', 0, 0, 0, 0, 0, 0, 3, 0x26, 0x01, 0xAF };
        var frame = packetizer.Packetize(true, coded, 0)!;
        Assert.Equal(4, frame.Packets.Count);
        Assert.Equal(new[] { 32, 33, 34, 19 }, frame.Packets.Select(p => (p[RtpFrame.Headroom + RtpHeader.Length] >> 1) & 0x3F));
    }

    [Fact]
    public void Damaged_or_foreign_tags_give_no_packets_and_do_not_stop_the_next_frame()
    {
        var packetizer = Make(Frames.AvcSequenceHeader(), Frames.AacSequenceHeader());

        Assert.Null(packetizer.Packetize(true, new byte[] { 0x17, 1, 0, 0, 0, 0, 0, 0, 99, 1 }, 0));
        Assert.Null(packetizer.Packetize(true, new byte[] { 0x17 }, 0));
        Assert.Null(packetizer.Packetize(false, new byte[] { 0x2F, 1, 2 }, 0));
        Assert.Null(packetizer.Packetize(false, new byte[] { 0xAF, 1 }, 0));
        Assert.NotNull(packetizer.Packetize(true, AvcFrame(false, 0, new byte[] { 0x41, 1 }), 40));
    }
}
