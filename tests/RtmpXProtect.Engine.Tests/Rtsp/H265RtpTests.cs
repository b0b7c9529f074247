using System;
using System.Linq;
using RtmpXProtect.Engine.Rtsp.Rtp;
using RtmpXProtect.Engine.Rtsp.Sdp;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtsp;

public sealed class H265RtpTests
{
    // NAL unit headers: type << 1, layer 0, temporal id 1.
    private static readonly byte[] Vps = { 0x40, 0x01, 0x0C, 0x01 };
    private static readonly byte[] Sps = { 0x42, 0x01, 0x01, 0x01 };
    private static readonly byte[] Pps = { 0x44, 0x01, 0xC1, 0x72 };
    private static readonly byte[] Aud = { 0x46, 0x01, 0x50 };

    [Fact]
    public void A_large_nal_unit_goes_as_fragmentation_units_whose_headers_carry_its_type_and_the_rest_round_trips()
    {
        var packetizer = new H265Packetizer(97, 9, 500, maxPacketBytes: 400);
        var idr = Nal(0x26, 3000); // IDR_W_RADL (19)
        var unit = AnnexB(Aud, Vps, Sps, Pps, idr);

        var packets = packetizer.Packetize(unit, 180_000);

        Assert.Equal(Vps, packets[0].Skip(12));
        var fragments = packets.Skip(3).ToList();
        Assert.All(fragments, p => Assert.InRange(p.Length, 20, 400));
        Assert.All(fragments, p => Assert.Equal(new byte[] { 49 << 1, 0x01 }, p.Skip(12).Take(2)));
        Assert.Equal(0x80 | 19, fragments[0][14]);
        Assert.Equal(0x40 | 19, fragments[^1][14]);
        Assert.True((fragments[^1][1] & 0x80) != 0 && packets.SkipLast(1).All(p => (p[1] & 0x80) == 0), "the marker is on the last fragment only");

        var depacketizer = new H265Depacketizer();
        var back = Assert.Single(packets.SelectMany(p => depacketizer.Push(p)));
        Assert.Equal(AnnexB(Vps, Sps, Pps, idr), back.AnnexB);
        Assert.True(back.Complete);
    }

    [Fact]
    public void An_aggregation_packet_gives_each_nal_unit_it_holds_and_a_paci_packet_flags_the_unit()
    {
        var ap = new byte[] { 48 << 1, 0x01 }.Concat(new byte[] { 0, 4 }).Concat(Vps).Concat(new byte[] { 0, 4 }).Concat(Sps).Concat(new byte[] { 0, 4 }).Concat(Pps).ToArray();
        var depacketizer = new H265Depacketizer();
        Assert.Empty(depacketizer.Push(Packet(1, false, ap)));
        var unit = Assert.Single(depacketizer.Push(Packet(2, true, Nal(0x26, 50))));
        Assert.Equal(AnnexB(Vps, Sps, Pps, Nal(0x26, 50)), unit.AnnexB);
        Assert.True(unit.Complete);

        Assert.Empty(depacketizer.Push(Packet(3, false, new byte[] { 50 << 1, 0x01, 0, 0 })));
        Assert.False(Assert.Single(depacketizer.Push(Packet(4, true, Nal(0x02, 10)))).Complete);
    }

    [Fact]
    public void A_lost_fragmentation_unit_flags_its_access_unit_rather_than_splicing_the_rest_and_the_next_unit_is_whole()
    {
        var packetizer = new H265Packetizer(97, 9, 65533, maxPacketBytes: 300);
        var first = AnnexB(Vps, Nal(0x26, 2000));
        var second = AnnexB(Nal(0x02, 100));
        var packets = packetizer.Packetize(first, 0).Concat(packetizer.Packetize(second, 3000)).ToList();
        var depacketizer = new H265Depacketizer();

        var units = packets.Where((_, i) => i != 3).SelectMany(p => depacketizer.Push(p)).ToList();

        Assert.Equal(2, units.Count);
        Assert.False(units[0].Complete);
        Assert.Equal(AnnexB(Vps), units[0].AnnexB);
        Assert.True(units[1].Complete);
        Assert.Equal(second, units[1].AnnexB);
        Assert.Equal(1, depacketizer.Lost);
    }

    [Fact]
    public void The_sdp_media_section_carries_the_three_parameter_sets()
    {
        Assert.Equal(
            "m=video 0 RTP/AVP 97\r\na=rtpmap:97 H265/90000\r\n"
            + $"a=fmtp:97 sprop-vps={Convert.ToBase64String(Vps)};sprop-sps={Convert.ToBase64String(Sps)};sprop-pps={Convert.ToBase64String(Pps)}\r\n"
            + "a=control:trackID=1\r\n",
            H265MediaDescription.Write(97, Vps, Sps, Pps, control: "trackID=1"));
        Assert.Throws<ArgumentException>(() => H265MediaDescription.Write(97, Sps, Sps, Pps));
    }

    private static byte[] Packet(ushort sequence, bool marker, byte[] payload)
    {
        var packet = new byte[RtpHeader.Length + payload.Length];
        RtpHeader.Write(packet, marker, 97, sequence, 0, 1);
        payload.CopyTo(packet, RtpHeader.Length);
        return packet;
    }

    private static byte[] Nal(byte header, int length) => new[] { header, (byte)0x01 }.Concat(Enumerable.Range(0, length - 2).Select(i => (byte)(1 + (i % 250)))).ToArray();

    private static byte[] AnnexB(params byte[][] nals) => nals.SelectMany(n => new byte[] { 0, 0, 0, 1 }.Concat(n)).ToArray();
}
