using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Rtsp.Rtp;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtsp;

public sealed class RtpReorderBufferTests
{
    [Fact]
    public void Packets_in_order_come_straight_out_and_nothing_is_held()
    {
        var buffer = new RtpReorderBuffer();
        var out_ = Enumerable.Range(100, 10).SelectMany(s => buffer.Push(Packet(s))).ToList();

        Assert.Equal(Enumerable.Range(100, 10), out_.Select(Sequence));
        Assert.Equal(0, buffer.Held);
        Assert.Equal(0, buffer.Skipped + buffer.Dropped + buffer.NotRtp);
    }

    [Fact]
    public void Reordered_packets_are_held_until_the_missing_one_comes_then_released_in_order()
    {
        var buffer = new RtpReorderBuffer();
        Assert.Single(buffer.Push(Packet(10)));
        Assert.Empty(buffer.Push(Packet(13)));
        Assert.Empty(buffer.Push(Packet(12)));
        Assert.Equal(2, buffer.Held);

        Assert.Equal(new[] { 11, 12, 13 }, buffer.Push(Packet(11)).Select(Sequence));
        Assert.Equal(0, buffer.Held);
        Assert.Equal(0, buffer.Skipped);
    }

    [Fact]
    public void Duplicates_and_packets_older_than_what_was_released_are_dropped()
    {
        var buffer = new RtpReorderBuffer();
        buffer.Push(Packet(1));
        buffer.Push(Packet(2));
        Assert.Empty(buffer.Push(Packet(4)));
        Assert.Empty(buffer.Push(Packet(4)));  // a duplicate of one held
        Assert.Empty(buffer.Push(Packet(2)));  // a duplicate of one released
        Assert.Empty(buffer.Push(Packet(0)));  // late: older than what was released
        Assert.Equal(new[] { 3, 4 }, buffer.Push(Packet(3)).Select(Sequence));
        Assert.Equal(3, buffer.Dropped);
    }

    [Fact]
    public void A_lost_packet_is_skipped_once_the_window_is_full_and_what_follows_comes_out_in_order()
    {
        var buffer = new RtpReorderBuffer(window: 8);
        Assert.Single(buffer.Push(Packet(0)));
        for (int s = 2; s <= 8; s++)
        {
            Assert.Empty(buffer.Push(Packet(s)));   // 1 is lost: 2..8 fill the window behind it
        }

        Assert.Equal(Enumerable.Range(2, 8), buffer.Push(Packet(9)).Select(Sequence));
        Assert.Equal(1, buffer.Skipped);
        Assert.Empty(buffer.Push(Packet(1)));       // it came after all: too late
        Assert.Single(buffer.Push(Packet(10)));
    }

    [Fact]
    public void A_packet_far_past_the_window_skips_the_gap_and_what_is_held_comes_out_first()
    {
        var buffer = new RtpReorderBuffer(window: 8);
        buffer.Push(Packet(0));
        buffer.Push(Packet(3));
        var released = buffer.Push(Packet(500)).Select(Sequence).ToList();

        Assert.Equal(new[] { 3 }, released);
        Assert.Equal(1, buffer.Held);
        Assert.Equal(491, buffer.Skipped);                  // 1, 2 and 4..492: 500 is now the last place of the window
        Assert.Equal(new[] { 500 }, buffer.SkipGap().Select(Sequence));
        Assert.Equal(498, buffer.Skipped);                  // every number from 1 to 499 but 3
    }

    [Fact]
    public void The_sequence_number_wraps_at_65535()
    {
        var buffer = new RtpReorderBuffer();
        Assert.Single(buffer.Push(Packet(65534)));
        Assert.Empty(buffer.Push(Packet(1)));
        Assert.Empty(buffer.Push(Packet(0)));
        Assert.Equal(new[] { 65535, 0, 1 }, buffer.Push(Packet(65535)).Select(Sequence));
        Assert.Empty(buffer.Push(Packet(65533))); // before the wrap: late
        Assert.Single(buffer.Push(Packet(2)));
        Assert.Equal(0, buffer.Skipped);
    }

    [Fact]
    public void A_sender_that_restarts_its_numbering_is_followed_and_what_was_held_goes_out_first()
    {
        var buffer = new RtpReorderBuffer();
        buffer.Push(Packet(1000));
        buffer.Push(Packet(1002));
        Assert.Equal(new[] { 1002, 40000 }, buffer.Push(Packet(40000)).Select(Sequence));
        Assert.Single(buffer.Push(Packet(40001)));

        // A restart far "behind" is followed too, not taken for a late packet forever.
        Assert.Equal(new[] { 20000 }, buffer.Push(Packet(20000)).Select(Sequence));
        Assert.Single(buffer.Push(Packet(20001)));
    }

    [Fact]
    public void Skip_gap_gives_up_on_what_is_missing_and_flush_returns_everything_held()
    {
        var buffer = new RtpReorderBuffer();
        Assert.Empty(buffer.SkipGap());
        buffer.Push(Packet(1));
        buffer.Push(Packet(3));
        buffer.Push(Packet(4));
        buffer.Push(Packet(7));

        Assert.Equal(new[] { 3, 4 }, buffer.SkipGap().Select(Sequence));
        Assert.Equal(new[] { 7 }, buffer.Flush().Select(Sequence));
        Assert.Equal(0, buffer.Held);
        Assert.Equal(3, buffer.Skipped);
        Assert.Single(buffer.Push(Packet(8)));
    }

    [Fact]
    public void What_is_not_rtp_is_dropped_and_null_or_a_bad_window_is_refused()
    {
        var buffer = new RtpReorderBuffer();
        Assert.Empty(buffer.Push(new byte[5]));
        Assert.Empty(buffer.Push(new byte[12])); // version 0
        Assert.Equal(2, buffer.NotRtp);
        Assert.Throws<ArgumentNullException>(() => buffer.Push(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RtpReorderBuffer(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RtpReorderBuffer(4096));
    }

    [Fact]
    public void Shuffled_and_duplicated_within_the_window_every_packet_comes_out_once_in_order()
    {
        var random = new Random(3550);
        for (int round = 0; round < 200; round++)
        {
            var window = random.Next(4, 65);
            var first = random.Next(0, 65536);
            var count = random.Next(1, 400);
            var sent = Enumerable.Range(0, count).Select(i => (ushort)(first + i)).ToList();

            // Each packet arrives at most window - 1 places from where it was sent, some twice.
            var arrivals = sent.Select((s, i) => (Key: i + (random.NextDouble() * (window - 1)), Sequence: s)).ToList();
            arrivals.AddRange(arrivals.Where(_ => random.Next(10) == 0).Select(a => (a.Key + random.NextDouble(), a.Sequence)).ToList());
            var order = arrivals.OrderBy(a => a.Key).Select(a => a.Sequence).ToList();
            if (order[0] != sent[0])
            {
                // The first packet received sets where the stream starts; one before it would be late.
                order.Remove(sent[0]);
                order.Insert(0, sent[0]);
            }

            var buffer = new RtpReorderBuffer(window);
            var released = order.SelectMany(s => buffer.Push(Packet(s))).ToList().Concat(buffer.Flush()).Select(p => (ushort)Sequence(p)).ToList();

            Assert.Equal(sent, released);
            Assert.Equal(0, buffer.Skipped);
        }
    }

    [Fact]
    public void Random_datagrams_never_throw_never_come_out_twice_and_never_overfill_the_window()
    {
        var random = new Random(2326);
        var buffer = new RtpReorderBuffer(window: 16);
        var seen = new HashSet<byte[]>(ReferenceEqualityComparer.Instance);
        var pushed = 0;
        for (int i = 0; i < 50_000; i++)
        {
            var packet = new byte[random.Next(0, 40)];
            random.NextBytes(packet);
            if (packet.Length > 0 && random.Next(3) != 0)
            {
                packet[0] = 0x80;
            }

            if (packet.Length >= 4 && random.Next(2) == 0)
            {
                // Mostly near the stream, sometimes anywhere.
                var sequence = (ushort)(i + random.Next(-20, 40));
                packet[2] = (byte)(sequence >> 8);
                packet[3] = (byte)sequence;
            }

            pushed++;
            var released = random.Next(50) == 0 ? buffer.SkipGap() : buffer.Push(packet);
            foreach (var p in released)
            {
                Assert.True(seen.Add(p), "a packet came out twice");
            }

            Assert.InRange(buffer.Held, 0, 16);
        }

        foreach (var p in buffer.Flush())
        {
            Assert.True(seen.Add(p), "a packet came out twice");
        }

        Assert.InRange(seen.Count, 1, pushed);
        Assert.Equal(0, buffer.Held);
    }

    [Fact]
    public void A_lost_fragment_through_the_buffer_drops_its_picture_and_the_next_one_is_whole()
    {
        var packetizer = new H264Packetizer(96, 7, 65530, maxPacketBytes: 100);
        var pictures = new[] { AnnexB(Nal(0x65, 500)), AnnexB(Nal(0x06, 20), Nal(0x41, 400)), AnnexB(Nal(0x41, 30)) };
        var packets = pictures.SelectMany((p, i) => packetizer.Packetize(p, (uint)(i * 3000))).ToList();
        var firstOfSecond = packetizer.Packetize(pictures[0], 0).Count;

        // Reordered in pairs after the first, the middle fragment of the second picture lost: the wrap at 65535 falls inside.
        var arrivals = new List<byte[]> { packets[0] };
        for (int i = 1; i < packets.Count; i += 2)
        {
            if (i + 1 < packets.Count)
            {
                arrivals.Add(packets[i + 1]);
            }

            arrivals.Add(packets[i]);
        }

        arrivals.Remove(packets[firstOfSecond + 2]);
        var buffer = new RtpReorderBuffer(window: 8);
        var depacketizer = new H264Depacketizer();
        var released = arrivals.SelectMany(buffer.Push).ToList();
        released.AddRange(buffer.Flush());
        var units = released.SelectMany(p => depacketizer.Push(p)).ToList();

        Assert.Equal(3, units.Count);
        Assert.Equal(pictures[0], units[0].AnnexB);
        Assert.True(units[0].Complete);
        Assert.False(units[1].Complete, "the picture missing a fragment is flagged, not spliced");
        Assert.Equal(pictures[2], units[2].AnnexB);
        Assert.True(units[2].Complete);
        Assert.Equal(1, depacketizer.Lost);
    }

    private static byte[] Packet(int sequence) => new byte[] { 0x80, 96, (byte)(sequence >> 8), (byte)sequence, 0, 0, 0, 0, 0, 0, 0, 1, 0x41 };

    private static int Sequence(byte[] packet) => (packet[2] << 8) | packet[3];

    private static byte[] Nal(byte header, int length) => new[] { header }.Concat(Enumerable.Range(0, length - 1).Select(i => (byte)(1 + (i % 250)))).ToArray();

    private static byte[] AnnexB(params byte[][] nals) => nals.SelectMany(n => new byte[] { 0, 0, 0, 1 }.Concat(n)).ToArray();
}
