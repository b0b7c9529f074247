using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Rtsp.Rtp
{
    /// <summary>
    /// Puts the RTP packets of one stream received over UDP back in sequence order (RFC 3550:
    /// UDP reorders, duplicates and loses). Packets are held in a window of sequence numbers
    /// after the next one due, and released as soon as they are in order. A packet that does
    /// not fit the window means the missing ones are lost: the gap is skipped and what follows
    /// is released, so a loss delays the stream by at most the window. Duplicates and packets
    /// older than what was released are dropped; a packet far off the window (a sender that
    /// restarted its numbering) releases what is held and starts over from it. The 16-bit
    /// sequence number wraps at 65535. Sans-IO: no clock, no sockets; one caller at a time.
    /// </summary>
    public sealed class RtpReorderBuffer
    {
        /// <summary>The window used when none is given: enough for what a LAN or the Internet reorders, at most a fraction of a second of delay on loss.</summary>
        public const int DefaultWindow = 32;

        // Further from the next packet due than this, ahead or behind, is a new numbering, not loss or lateness (RFC 3550 A.1's MAX_DROPOUT).
        private const int MaxJump = 3000;
        private static readonly byte[][] None = Array.Empty<byte[]>();

        private readonly byte[]?[] _slots;
        private int _head;      // the slot of _next
        private ushort _next;   // the sequence number released next
        private bool _started;

        /// <summary>Creates a buffer holding at most <paramref name="window"/> packets.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is not 2–1024.</exception>
        public RtpReorderBuffer(int window = DefaultWindow)
        {
            if (window < 2 || window > 1024)
            {
                throw new ArgumentOutOfRangeException(nameof(window), window, "A reorder window holds 2 to 1024 packets.");
            }

            _slots = new byte[window][];
        }

        /// <summary>Packets held, waiting for an earlier one.</summary>
        public int Held { get; private set; }

        /// <summary>Sequence numbers given up on: skipped when the window filled, at <see cref="SkipGap"/> or <see cref="Flush"/>.</summary>
        public long Skipped { get; private set; }

        /// <summary>Packets dropped as duplicates of held ones, or as older than what was released (late or duplicated).</summary>
        public long Dropped { get; private set; }

        /// <summary>Packets dropped as too short for an RTP header or not version 2.</summary>
        public long NotRtp { get; private set; }

        /// <summary>
        /// Takes one received datagram and returns the packets now in order, oldest first (often
        /// just this one). The array is kept, not copied, until it is returned: the caller must not
        /// change it meanwhile.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="packet"/> is null.</exception>
        public IReadOnlyList<byte[]> Push(byte[] packet)
        {
            if (packet == null)
            {
                throw new ArgumentNullException(nameof(packet));
            }

            if (packet.Length < RtpHeader.Length || packet[0] >> 6 != 2)
            {
                NotRtp++;
                return None;
            }

            var sequence = (ushort)((packet[2] << 8) | packet[3]);
            if (!_started)
            {
                _started = true;
                _next = sequence;
            }

            int ahead = (ushort)(sequence - _next);
            List<byte[]>? released = null;
            if (ahead >= 65536 - MaxJump)
            {
                Dropped++; // late: its place was released or skipped already
                return None;
            }

            if (ahead >= MaxJump)
            {
                // A new numbering: what is held belongs to the old one and goes out first.
                released = Drain(int.MaxValue, null);
                _next = sequence;
                _head = 0;
                ahead = 0;
            }
            else if (ahead >= _slots.Length)
            {
                // The window is full up to here: whatever is still missing in front is lost.
                var skip = ahead - _slots.Length + 1;
                released = Drain(skip, null);
                ahead -= skip;
            }

            var slot = (_head + ahead) % _slots.Length;
            if (_slots[slot] != null)
            {
                Dropped++;
                return (IReadOnlyList<byte[]>?)released ?? None;
            }

            _slots[slot] = packet;
            Held++;
            return (IReadOnlyList<byte[]>?)ReleaseInOrder(released) ?? None;
        }

        /// <summary>
        /// Gives up on the packets missing before the oldest held one, and returns it and what
        /// follows it in order: for a receiver that will not wait longer for a lost packet.
        /// </summary>
        public IReadOnlyList<byte[]> SkipGap()
        {
            if (Held == 0)
            {
                return None;
            }

            while (_slots[_head] == null)
            {
                Advance();
                Skipped++;
            }

            return (IReadOnlyList<byte[]>?)ReleaseInOrder(null) ?? None;
        }

        /// <summary>Returns everything held, in order, skipping what is missing: at the end of the stream.</summary>
        public IReadOnlyList<byte[]> Flush() => (IReadOnlyList<byte[]>?)Drain(int.MaxValue, null) ?? None;

        // Moves the window on by up to `count` places, releasing what it passes and counting the
        // empty places as skipped; once nothing is held the rest is skipped at once.
        private List<byte[]>? Drain(int count, List<byte[]>? released)
        {
            int moved = 0;
            for (; moved < count && Held > 0; moved++)
            {
                if (_slots[_head] is { } packet)
                {
                    (released ??= new List<byte[]>()).Add(packet);
                    Held--;
                }
                else
                {
                    Skipped++;
                }

                Advance();
            }

            if (moved < count && count != int.MaxValue)
            {
                _next = unchecked((ushort)(_next + (count - moved)));
                Skipped += count - moved;
            }

            return released;
        }

        private List<byte[]>? ReleaseInOrder(List<byte[]>? released)
        {
            while (_slots[_head] is { } packet)
            {
                (released ??= new List<byte[]>()).Add(packet);
                _slots[_head] = null;
                Held--;
                Advance();
            }

            return released;
        }

        private void Advance()
        {
            _slots[_head] = null;
            _head = (_head + 1) % _slots.Length;
            _next = unchecked((ushort)(_next + 1));
        }
    }
}
