using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Rtsp.Rtp;
using RtmpXProtect.Engine.Rtsp.Sdp;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtsp;

public sealed class H264PacketizerTests
{
    private static readonly byte[] Sps = { 0x67, 0x64, 0x00, 0x1F, 0xAC, 0xD9, 0x40 };
    private static readonly byte[] Pps = { 0x68, 0xEB, 0xE3, 0xCB };
    private static readonly byte[] Aud = { 0x09, 0xF0 };

    [Fact]
    public void Small_nal_units_go_one_per_packet_without_the_delimiter_and_the_last_carries_the_marker()
    {
        var packetizer = new H264Packetizer(96, 0x11223344, firstSequence: 65535);
        var idr = Nal(0x65, 300);

        var packets = packetizer.Packetize(AnnexB(Aud, Sps, Pps, idr), 90_000);

        Assert.Equal(3, packets.Count);
        Assert.Equal(new ushort[] { 65535, 0, 1 }, packets.Select(Sequence));
        Assert.All(packets, p => Assert.Equal(90_000u, Timestamp(p)));
        Assert.All(packets, p => Assert.Equal(0x80, p[0]));
        Assert.Equal(new[] { false, false, true }, packets.Select(p => (p[1] & 0x80) != 0));
        Assert.All(packets, p => Assert.Equal(96, p[1] & 0x7F));
        Assert.Equal(new byte[] { 0x11, 0x22, 0x33, 0x44 }, packets[0].Skip(8).Take(4));
        Assert.Equal(Sps, packets[0].Skip(12));
        Assert.Equal(idr, packets[2].Skip(12));
        Assert.Equal(2, packetizer.NextSequence);
    }

    [Fact]
    public void A_large_nal_unit_goes_as_fu_a_fragments_that_reassemble_to_it_within_the_packet_size()
    {
        var packetizer = new H264Packetizer(96, 1, 0, maxPacketBytes: 500);
        var idr = Nal(0x65, 5000);

        var packets = packetizer.Packetize(AnnexB(idr), 3000);

        Assert.All(packets, p => Assert.InRange(p.Length, 15, 500));
        Assert.All(packets, p => Assert.Equal(0x60 | 28, p[12])); // NRI of the IDR, type FU-A
        Assert.Equal(0x80 | 5, packets[0][13]);
        Assert.Equal(0x40 | 5, packets[^1][13]);
        Assert.All(packets.Skip(1).SkipLast(1), p => Assert.Equal(5, p[13]));
        Assert.True((packets[^1][1] & 0x80) != 0 && packets.SkipLast(1).All(p => (p[1] & 0x80) == 0), "only the last fragment has the marker");
        var reassembled = new[] { (byte)((packets[0][12] & 0xE0) | (packets[0][13] & 0x1F)) }.Concat(packets.SelectMany(p => p.Skip(14))).ToArray();
        Assert.Equal(idr, reassembled);
    }

    [Fact]
    public void The_sdp_media_section_names_the_profile_and_carries_the_parameter_sets()
    {
        var media = H264MediaDescription.Write(96, Sps, Pps, control: "trackID=0");

        Assert.Equal(
            "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n"
            + $"a=fmtp:96 packetization-mode=1;profile-level-id=64001F;sprop-parameter-sets={Convert.ToBase64String(Sps)},{Convert.ToBase64String(Pps)}\r\n"
            + "a=control:trackID=0\r\n",
            media);
        Assert.Throws<ArgumentException>(() => H264MediaDescription.Write(96, new byte[] { 0x67 }, Pps));
        Assert.Throws<ArgumentException>(() => H264MediaDescription.Write(96, Pps, Pps));
        Assert.Throws<ArgumentOutOfRangeException>(() => H264MediaDescription.Write(8, Sps, Pps));
        Assert.Throws<ArgumentException>(() => H264MediaDescription.Write(96, Sps, Pps, control: "trackID=0\r\na=evil"));
    }

    private static byte[] Nal(byte header, int length) => new[] { header }.Concat(Enumerable.Range(0, length - 1).Select(i => (byte)(1 + (i % 250)))).ToArray();

    private static byte[] AnnexB(params byte[][] nals) => nals.SelectMany(n => new byte[] { 0, 0, 0, 1 }.Concat(n)).ToArray();

    private static ushort Sequence(byte[] p) => (ushort)((p[2] << 8) | p[3]);

    private static uint Timestamp(byte[] p) => (uint)((p[4] << 24) | (p[5] << 16) | (p[6] << 8) | p[7]);
}
