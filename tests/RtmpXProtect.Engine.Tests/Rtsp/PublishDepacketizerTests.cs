using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Rtsp.Sdp;
using RtmpXProtect.Engine.Rtsp.Session;
using RtmpXProtect.Engine.Tests.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtsp;

public sealed class PublishDepacketizerTests
{
    private static readonly DateTime Anchor = new DateTime(2026, 12, 2, 6, 0, 0, DateTimeKind.Utc);

    // A legacy AVC coded-frames tag with 4-byte-length NAL units.
    private static byte[] AvcFrame(bool key, int compositionTime, params byte[][] nals)
    {
        var body = new List<byte> { key ? (byte)0x17 : (byte)0x27, 1, (byte)(compositionTime >> 16), (byte)(compositionTime >> 8), (byte)compositionTime };
        foreach (var nal in nals)
        {
            body.AddRange(new[] { (byte)(nal.Length >> 24), (byte)(nal.Length >> 16), (byte)(nal.Length >> 8), (byte)nal.Length });
            body.AddRange(nal);
        }

        return body.ToArray();
    }

    [Fact]
    public void What_the_rtsp_server_sends_comes_back_as_the_same_flv_tags_with_decode_times_and_offsets_rebuilt()
    {
        var packetizer = PublishPacketizer.Create(Frames.AvcSequenceHeader(), Frames.AacSequenceHeader(), WireLimits.Default, Anchor, new Random(3))!;
        var depacketizer = PublishDepacketizer.Create(SessionDescriptionReader.Read(packetizer.Sdp("live/cam", 1)));

        // I P B B P B B at 25 fps: decode times 0..240, presentation I0 P120 B40 B80 P240 B160 B200.
        var pictures = new[] { (true, 0, 0), (false, 40, 80), (false, 80, -40), (false, 120, -40), (false, 160, 80), (false, 200, -40), (false, 240, -40) };
        var sent = new List<byte[]>();
        var received = new List<FlvFrame>();
        foreach (var (key, dts, offset) in pictures)
        {
            var slice = Enumerable.Repeat((byte)0x5A, 2000).ToArray();
            slice[0] = 0x01;
            var body = AvcFrame(key, offset, new byte[] { key ? (byte)0x65 : (byte)0x41, (byte)dts, 2, 3 }, slice);
            sent.Add(body);
            foreach (var packet in packetizer.Packetize(true, body, (uint)dts)!.Packets)
            {
                received.AddRange(depacketizer.Push(0, packet.AsSpan(RtpFrame.Headroom)));
            }

            foreach (var packet in packetizer.Packetize(false, Frames.Aac((byte)dts), (uint)dts)!.Packets)
            {
                received.AddRange(depacketizer.Push(1, packet.AsSpan(RtpFrame.Headroom)));
            }
        }

        received.AddRange(depacketizer.Flush());
        var video = received.Where(f => f.IsVideo).ToList();
        var headers = video.Where(f => VideoTagHeader.Parse(f.Body).IsSequenceHeader).ToList();
        Assert.Single(headers);
        var coded = video.Where(f => !VideoTagHeader.Parse(f.Body).IsSequenceHeader).ToList();
        Assert.Equal(pictures.Length, coded.Count);

        // Presentation times survive exactly; decode times rise strictly and never pass them.
        var presented = coded.Select(f => (long)f.Timestamp + VideoTagHeader.Parse(f.Body).CompositionTime).ToList();
        Assert.Equal(pictures.Select(p => (long)(p.Item2 + p.Item3) + DecodeTimes<byte>.Shift), presented);
        Assert.True(coded.Zip(coded.Skip(1), (a, b) => a.Timestamp < b.Timestamp).All(x => x));
        Assert.All(coded, f => Assert.True(VideoTagHeader.Parse(f.Body).CompositionTime >= 0));
        Assert.True(VideoTagHeader.Parse(coded[0].Body).IsKeyFrame);

        // The NAL units are the ones sent (the in-band parameter sets the server added go into the sequence header).
        Assert.Equal(sent[3].AsSpan(5).ToArray(), coded[3].Body.AsSpan(5).ToArray());

        var audio = received.Where(f => !f.IsVideo).ToList();
        Assert.Equal(Frames.AacSequenceHeader(), audio[0].Body);
        Assert.Equal(pictures.Length, audio.Count - 1);
        Assert.Equal(pictures.Select(p => (uint)(p.Item2 + DecodeTimes<byte>.Shift)), audio.Skip(1).Select(f => f.Timestamp));
    }

    [Fact]
    public void Tracks_are_found_by_the_control_their_setup_url_ends_with()
    {
        var sdp = "v=0\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=control:streamid=0\r\nm=audio 0 RTP/AVP 97\r\na=rtpmap:97 MPEG4-GENERIC/44100/2\r\n"
            + "a=fmtp:97 profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3;config=1210\r\na=control:streamid=1\r\n";
        var depacketizer = PublishDepacketizer.Create(SessionDescriptionReader.Read(sdp));

        Assert.Equal(new[] { "streamid=0", "streamid=1" }, depacketizer.Controls);
        Assert.Equal(1, depacketizer.TrackOf("rtsp://127.0.0.1:8554/live/cam/streamid=1"));
        Assert.Equal(0, depacketizer.TrackOf("rtsp://127.0.0.1:8554/live/cam/streamid=0?key=x"));
        Assert.Equal(-1, depacketizer.TrackOf("rtsp://127.0.0.1:8554/live/cam/streamid=2"));

        // A track of a codec not carried here is set up all the same (the publish goes on) and its packets dropped.
        var latm = PublishDepacketizer.Create(SessionDescriptionReader.Read(sdp + "m=audio 0 RTP/AVP 98\r\na=rtpmap:98 MP4A-LATM/44100/2\r\na=control:stream=2\r\n"));
        Assert.Equal(2, latm.TrackOf("rtsp://h/live/cam/stream=2"));
        Assert.Empty(latm.Push(2, new byte[] { 0x80, 98, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 9, 9 }));
    }

    [Theory]
    [InlineData("v=0\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 VP8/90000\r\n")]
    [InlineData("v=0\r\nm=audio 0 RTP/AVP 97\r\na=rtpmap:97 MPEG4-GENERIC/44100/2\r\na=fmtp:97 mode=AAC-lbr;sizelength=6;config=1210\r\n")]
    [InlineData("v=0\r\nm=audio 0 RTP/AVP 97\r\na=rtpmap:97 MPEG4-GENERIC/44100/2\r\na=fmtp:97 mode=AAC-hbr;sizelength=13;config=ZZ\r\n")]
    [InlineData("v=0\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=fmtp:96 sprop-parameter-sets=!!!\r\n")]
    [InlineData("v=0\r\n")]
    public void An_sdp_without_a_track_served_here_is_refused(string sdp)
    {
        Assert.Throws<FormatException>(() => PublishDepacketizer.Create(SessionDescriptionReader.Read(sdp)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("m=video 0 RTP/AVP 96")]
    [InlineData("v=0\r\nbogus\r\n")]
    [InlineData("v=0\r\nm=video 0 RTP/AVP\r\n")]
    [InlineData("v=0\r\nm=video 0 RTP/AVP 300\r\n")]
    public void A_malformed_sdp_is_refused(string sdp)
    {
        Assert.Throws<FormatException>(() => SessionDescriptionReader.Read(sdp));
    }

    [Fact]
    public void Sections_and_parameters_are_bounded()
    {
        var many = "v=0\r\n" + string.Concat(Enumerable.Repeat("m=video 0 RTP/AVP 96\r\n", 9));
        Assert.Throws<FormatException>(() => SessionDescriptionReader.Read(many));
        var parameters = "v=0\r\nm=video 0 RTP/AVP 96\r\na=fmtp:96 " + string.Join(";", Enumerable.Range(0, 40).Select(i => "p" + i + "=1")) + "\r\n";
        Assert.Throws<FormatException>(() => SessionDescriptionReader.Read(parameters));
    }

    [Fact]
    public void Random_and_truncated_sdp_and_packets_are_read_or_refused_without_throwing_anything_else()
    {
        var packetizer = PublishPacketizer.Create(Frames.AvcSequenceHeader(), Frames.AacSequenceHeader(), WireLimits.Default, Anchor, new Random(3))!;
        var sdp = packetizer.Sdp("live/cam", 1);
        var random = new Random(5);
        for (var cut = 0; cut <= sdp.Length; cut += 3)
        {
            try
            {
                PublishDepacketizer.Create(SessionDescriptionReader.Read(sdp.Substring(0, cut)));
            }
            catch (FormatException)
            {
            }
        }

        var depacketizer = PublishDepacketizer.Create(SessionDescriptionReader.Read(sdp));
        for (var i = 0; i < 5000; i++)
        {
            var packet = new byte[random.Next(0, 1500)];
            random.NextBytes(packet);
            if (packet.Length > 0)
            {
                packet[0] = 0x80;
            }

            depacketizer.Push(random.Next(-1, 3), packet);
        }

        depacketizer.Flush();
    }
}
