using System;
using System.Linq;
using RtmpXProtect.Engine.Media.Aac;
using RtmpXProtect.Engine.Rtsp.Rtp;
using RtmpXProtect.Engine.Rtsp.Sdp;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtsp;

public sealed class AacRtpTests
{
    [Fact]
    public void A_frame_goes_behind_one_au_header_and_comes_back_and_a_large_one_in_fragments()
    {
        var packetizer = new AacPacketizer(97, 5, 0, maxPacketBytes: 300);
        var depacketizer = new AacDepacketizer();
        var small = Frame(200);
        var large = Frame(700);

        var packets = packetizer.Packetize(small, 1024).Concat(packetizer.Packetize(large, 2048)).ToList();

        Assert.Equal(new byte[] { 0, 16, 200 >> 5, (200 << 3) & 0xFF }, packets[0].Skip(12).Take(4));
        Assert.Equal(new[] { true, false, false, true }, packets.Select(p => (p[1] & 0x80) != 0));
        var frames = packets.SelectMany(p => depacketizer.Push(p)).ToList();
        Assert.Equal(new[] { small, large }, frames.Select(f => f.Data));
        Assert.Equal(new uint[] { 1024, 2048 }, frames.Select(f => f.Timestamp));
        Assert.Equal(0, depacketizer.Dropped + depacketizer.Lost);
    }

    [Fact]
    public void Several_frames_in_one_packet_follow_its_timestamp_a_frame_apart_and_headers_that_do_not_add_up_are_refused()
    {
        var a = Frame(10);
        var b = Frame(20);
        var payload = new byte[] { 0, 32, 10 >> 5, (10 << 3) & 0xFF, 20 >> 5, (20 << 3) & 0xFF }.Concat(a).Concat(b).ToArray();
        var depacketizer = new AacDepacketizer();

        var frames = depacketizer.Push(Packet(1, true, 5000, payload));

        Assert.Equal(new uint[] { 5000, 6024 }, frames.Select(f => f.Timestamp));
        Assert.Equal(new[] { a, b }, frames.Select(f => f.Data));
        Assert.Empty(depacketizer.Push(Packet(2, true, 7048, payload.Take(payload.Length - 1).ToArray())));
        Assert.Empty(depacketizer.Push(Packet(3, true, 8072, new byte[] { 0xFF, 0xF0, 0, 8, 1 })));
        Assert.Equal(2, depacketizer.Dropped);
    }

    [Fact]
    public void A_lost_fragment_loses_its_frame_only()
    {
        var packetizer = new AacPacketizer(97, 5, 0, maxPacketBytes: 300);
        var packets = packetizer.Packetize(Frame(700), 0).Concat(packetizer.Packetize(Frame(100), 1024)).ToList();
        var depacketizer = new AacDepacketizer();

        var frames = packets.Where((_, i) => i != 1).SelectMany(p => depacketizer.Push(p)).ToList();

        Assert.Equal(1024u, Assert.Single(frames).Timestamp);
        Assert.Equal(1, depacketizer.Lost);
    }

    [Fact]
    public void The_sdp_media_section_names_the_rate_channels_and_config()
    {
        var config = AudioSpecificConfig.Create(2, 44100, 2);
        Assert.Equal(
            "m=audio 0 RTP/AVP 97\r\na=rtpmap:97 MPEG4-GENERIC/44100/2\r\n"
            + "a=fmtp:97 streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3;config=1210\r\n"
            + "a=control:trackID=1\r\n",
            AacMediaDescription.Write(97, config, control: "trackID=1"));
    }

    private static byte[] Packet(ushort sequence, bool marker, uint timestamp, byte[] payload)
    {
        var packet = new byte[RtpHeader.Length + payload.Length];
        RtpHeader.Write(packet, marker, 97, sequence, timestamp, 1);
        payload.CopyTo(packet, RtpHeader.Length);
        return packet;
    }

    private static byte[] Frame(int length) => Enumerable.Range(0, length).Select(i => (byte)(0x21 + (i % 200))).ToArray();
}
