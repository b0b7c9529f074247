using System;
using System.Buffers.Binary;

namespace RtmpXProtect.Engine.Rtmp.Messages
{
    /// <summary>
    /// Builds and reads the protocol control messages of RTMP 1.0 §5.4. They always travel on
    /// message stream 0 with timestamp 0; the readers check lengths so a short body from a peer is a
    /// protocol error rather than an out-of-range read.
    /// </summary>
    public static class ProtocolControl
    {
        /// <summary>Largest chunk size the 31-bit field can carry (§5.4.1: the top bit must be 0).</summary>
        public const int MaxChunkSizeValue = 0x7FFFFFFF;

        /// <summary>Set Chunk Size (type 1): the sender's chunks are this long from now on.</summary>
        public static RtmpMessage SetChunkSize(int size)
        {
            if (size < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(size), size, "Chunk size must be 1–2147483647.");
            }

            return UInt32Message(MessageType.SetChunkSize, (uint)size);
        }

        /// <summary>Abort (type 2): the receiver discards the partial message on that chunk stream.</summary>
        public static RtmpMessage Abort(int chunkStreamId)
        {
            if (chunkStreamId < 2 || chunkStreamId > 65599)
            {
                throw new ArgumentOutOfRangeException(nameof(chunkStreamId), chunkStreamId, "Chunk stream id must be 2–65599.");
            }

            return UInt32Message(MessageType.Abort, (uint)chunkStreamId);
        }

        /// <summary>Acknowledgement (type 3): the bytes received so far, wrapped at 2^32.</summary>
        public static RtmpMessage Acknowledgement(uint sequenceNumber) => UInt32Message(MessageType.Acknowledgement, sequenceNumber);

        /// <summary>Window Acknowledgement Size (type 5): acknowledge after this many bytes.</summary>
        public static RtmpMessage WindowAcknowledgementSize(uint size) => UInt32Message(MessageType.WindowAcknowledgementSize, size);

        /// <summary>Set Peer Bandwidth (type 6): limit the receiver's output bandwidth.</summary>
        public static RtmpMessage SetPeerBandwidth(uint size, PeerBandwidthLimit limit)
        {
            var body = new byte[5];
            BinaryPrimitives.WriteUInt32BigEndian(body, size);
            body[4] = (byte)limit;
            return new RtmpMessage(MessageType.SetPeerBandwidth, 0, 0, body);
        }

        /// <summary>
        /// Reads a Set Chunk Size body. The top bit must be 0 and the size at least 1 (§5.4.1); the
        /// caller still checks the size against its own limit.
        /// </summary>
        public static int ReadSetChunkSize(ReadOnlySpan<byte> payload)
        {
            uint value = ReadUInt32(payload);
            if ((value & 0x80000000u) != 0)
            {
                throw new RtmpProtocolException("Set Chunk Size has its top bit set.");
            }

            if (value == 0)
            {
                throw new RtmpProtocolException("Set Chunk Size of 0 is not allowed.");
            }

            return (int)value;
        }

        /// <summary>Reads the 4-byte big-endian body of Abort, Acknowledgement or Window Acknowledgement Size.</summary>
        public static uint ReadUInt32(ReadOnlySpan<byte> payload)
        {
            if (payload.Length < 4)
            {
                throw new RtmpProtocolException($"Protocol control message body is {payload.Length} bytes; 4 are required.");
            }

            return BinaryPrimitives.ReadUInt32BigEndian(payload);
        }

        /// <summary>Reads a Set Peer Bandwidth body: window size and limit type.</summary>
        public static (uint Size, PeerBandwidthLimit Limit) ReadSetPeerBandwidth(ReadOnlySpan<byte> payload)
        {
            if (payload.Length < 5)
            {
                throw new RtmpProtocolException($"Set Peer Bandwidth body is {payload.Length} bytes; 5 are required.");
            }

            byte limit = payload[4];
            if (limit > (byte)PeerBandwidthLimit.Dynamic)
            {
                throw new RtmpProtocolException($"Set Peer Bandwidth has unknown limit type {limit}.");
            }

            return (BinaryPrimitives.ReadUInt32BigEndian(payload), (PeerBandwidthLimit)limit);
        }

        private static RtmpMessage UInt32Message(MessageType type, uint value)
        {
            var body = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(body, value);
            return new RtmpMessage(type, 0, 0, body);
        }
    }
}
