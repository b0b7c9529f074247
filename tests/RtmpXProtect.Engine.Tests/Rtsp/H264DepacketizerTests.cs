using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Rtsp.Rtp;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtsp;

public sealed class H264DepacketizerTests
{
    private static readonly byte[] Sps = { 0x67, 0x64, 0x00, 0x1F, 0xAC };
    private static readonly byte[] Pps = { 0x68, 0xEB, 0xE3 };

    [Fact]
    public void What_the_packetizer_sends_comes_back_as_the_same_access_units()
    {
        var packetizer = new H264Packetizer(96, 7, 65000, maxPacketBytes: 300);
        var depacketizer = new H264Depacketizer();
        var sent = new[] { AnnexB(Sps, Pps, Nal(0x65, 2000)), AnnexB(Nal(0x41, 50)), AnnexB(Nal(0x41, 700)) };
        var received = new List<RtpAccessUnit>();
        for (int i = 0; i < sent.Length; i++)
        {
            received.AddRange(packetizer.Packetize(sent[i], (uint)(i * 3000)).SelectMany(p => depacketizer.Push(p)));
        }

        Assert.Equal(sent, received.Select(u => u.AnnexB));
        Assert.Equal(new uint[] { 0, 3000, 6000 }, received.Select(u => u.Timestamp));
        Assert.All(received, u => Assert.True(u.Complete));
        Assert.Equal(0, depacketizer.Lost + depacketizer.Dropped);
    }

    [Fact]
    public void A_stap_a_packet_gives_each_nal_unit_it_aggregates()
    {
        var stap = new byte[] { 0x78, 0, (byte)Sps.Length }.Concat(Sps).Concat(new byte[] { 0, (byte)Pps.Length }).Concat(Pps).ToArray();
        var depacketizer = new H264Depacketizer();
        Assert.Empty(depacketizer.Push(Packet(1, 90, false, stap)));
        var unit = Assert.Single(depacketizer.Push(Packet(2, 90, true, Nal(0x65, 10))));

        Assert.Equal(AnnexB(Sps, Pps, Nal(0x65, 10)), unit.AnnexB);
        Assert.True(unit.Complete);
    }

    [Fact]
    public void A_lost_fragment_loses_its_nal_unit_and_flags_the_unit_while_the_next_unit_is_whole()
    {
        var packetizer = new H264Packetizer(96, 7, 10, maxPacketBytes: 100);
        var packets = packetizer.Packetize(AnnexB(Nal(0x41, 20), Nal(0x65, 500)), 0).Concat(packetizer.Packetize(AnnexB(Nal(0x41, 30)), 3000)).ToList();
        var depacketizer = new H264Depacketizer();

        var units = packets.Where((_, i) => i != 3).SelectMany(p => depacketizer.Push(p)).ToList();

        Assert.Equal(2, units.Count);
        Assert.False(units[0].Complete);
        Assert.Equal(AnnexB(Nal(0x41, 20)), units[0].AnnexB);
        Assert.True(units[1].Complete);
        Assert.Equal(1, depacketizer.Lost);
    }

    [Fact]
    public void Padding_extensions_and_csrcs_are_stepped_over_and_duplicates_dropped()
    {
        var nal = Nal(0x65, 8);
        var packet = new byte[] { 0xB1, 0xE0, 0, 5, 0, 0, 0, 9, 0, 0, 0, 1, 0xAA, 0xAA, 0xAA, 0xAA, 0xBE, 0xDE, 0, 1, 1, 2, 3, 4 }
            .Concat(nal).Concat(new byte[] { 0, 0, 3 }).ToArray(); // V2 P X CC=1, marker, PT 96; one CSRC; a 1-word extension; 3 bytes of padding
        Assert.True(RtpPacket.TryRead(packet, out var rtp));
        Assert.Equal(nal, rtp.Payload.ToArray());
        var zeroPadding = packet.ToArray();
        zeroPadding[^1] = 0;
        Assert.False(RtpPacket.TryRead(zeroPadding, out _), "a padding count of 0 is not RTP");

        var depacketizer = new H264Depacketizer();
        Assert.Equal(AnnexB(nal), Assert.Single(depacketizer.Push(packet)).AnnexB);
        Assert.Empty(depacketizer.Push(packet));
        Assert.Equal(1, depacketizer.Dropped);
    }

    [Fact]
    public void Random_and_truncated_packets_are_dropped_or_read_and_nothing_grows_past_the_limit()
    {
        var random = new Random(6184);
        var depacketizer = new H264Depacketizer(maxAccessUnitBytes: 10_000);
        for (int i = 0; i < 20_000; i++)
        {
            var packet = new byte[random.Next(0, 1500)];
            random.NextBytes(packet);
            if (packet.Length > 0 && random.Next(2) == 0)
            {
                packet[0] = 0x80; // version 2, so most reach the payload reader
            }

            Assert.All(depacketizer.Push(packet), unit => Assert.InRange(unit.AnnexB.Length, 1, 10_000));
        }

        Assert.True(depacketizer.Dropped > 1000);
    }

    [Fact]
    public void A_stray_packet_from_another_source_or_far_ahead_is_dropped_and_a_restarted_sender_is_followed()
    {
        var depacketizer = new H264Depacketizer();
        Assert.Single(depacketizer.Push(Packet(100, 0, true, Nal(0x65, 10))));
        Assert.Empty(depacketizer.Push(Packet(100 + 0x7FFF, 3000, true, Nal(0x41, 10))));    // a spoofed jump
        Assert.Empty(depacketizer.Push(Packet(101, 3000, true, Nal(0x41, 10), ssrc: 666)));   // another source, once
        var next = Assert.Single(depacketizer.Push(Packet(101, 3000, true, Nal(0x41, 10))));
        Assert.True(next.Complete, "the stray packets did not derail the stream");

        // A sender that restarts (new SSRC and numbering) is followed from its second packet.
        Assert.Empty(depacketizer.Push(Packet(9000, 0, true, Nal(0x65, 10), ssrc: 2)));
        var restarted = Assert.Single(depacketizer.Push(Packet(9001, 3000, true, Nal(0x65, 12), ssrc: 2)));
        Assert.Equal(AnnexB(Nal(0x65, 12)), restarted.AnnexB);
        Assert.Equal(3, depacketizer.Dropped);
    }

    [Fact]
    public void An_empty_packet_makes_no_false_gap_and_a_marker_that_starts_a_new_time_gives_both_units()
    {
        var depacketizer = new H264Depacketizer();
        Assert.Empty(depacketizer.Push(Packet(1, 0, false, Nal(0x65, 10))));
        Assert.Empty(depacketizer.Push(Packet(2, 0, false, Array.Empty<byte>())));
        var units = depacketizer.Push(Packet(3, 3000, true, Nal(0x41, 10)));

        Assert.Equal(2, units.Count);
        Assert.Equal(new uint[] { 0, 3000 }, units.Select(u => u.Timestamp));
        Assert.All(units, u => Assert.True(u.Complete));
        Assert.Equal(0, depacketizer.Lost);

        Assert.Empty(depacketizer.Push(Packet(4, 6000, false, Nal(0x41, 5))));
        Assert.Equal(6000u, depacketizer.Flush()!.Timestamp);
        Assert.Null(depacketizer.Flush());
    }

    [Theory]
    [InlineData("fu-a restarted before it ended")]
    [InlineData("forbidden bit")]
    [InlineData("stap-a holding an aggregate")]
    [InlineData("fu-b")]
    [InlineData("fu-a of another type")]
    public void A_nal_unit_that_cannot_be_rebuilt_flags_its_access_unit(string damage)
    {
        var depacketizer = new H264Depacketizer();
        var payloads = damage switch
        {
            "fu-a restarted before it ended" => new[] { new byte[] { 0x7C, 0x85, 1, 2 }, new byte[] { 0x7C, 0x85, 3, 4 }, new byte[] { 0x7C, 0x45, 5 } },
            "forbidden bit" => new[] { new byte[] { 0xE5, 1, 2 } },
            "stap-a holding an aggregate" => new[] { new byte[] { 0x78, 0, 2, 0x78, 1 } },
            "fu-b" => new[] { new byte[] { 0x7D, 0x85, 0, 1, 2 } },
            _ => new[] { new byte[] { 0x7C, 0x85, 1, 2 }, new byte[] { 0x7C, 0x41, 3 } },
        };
        var all = payloads.Append(Nal(0x41, 4)).Select((p, i) => depacketizer.Push(Packet((ushort)i, 0, i == payloads.Length, p))).SelectMany(u => u).ToList();

        Assert.False(Assert.Single(all).Complete);
    }

    private static byte[] Packet(ushort sequence, uint timestamp, bool marker, byte[] payload, uint ssrc = 1)
    {
        var packet = new byte[RtpHeader.Length + payload.Length];
        RtpHeader.Write(packet, marker, 96, sequence, timestamp, ssrc);
        payload.CopyTo(packet, RtpHeader.Length);
        return packet;
    }

    private static byte[] Nal(byte header, int length) => new[] { header }.Concat(Enumerable.Range(0, length - 1).Select(i => (byte)(1 + (i % 250)))).ToArray();

    private static byte[] AnnexB(params byte[][] nals) => nals.SelectMany(n => new byte[] { 0, 0, 0, 1 }.Concat(n)).ToArray();
}
