using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Rtmp.Messages
{
    /// <summary>
    /// Splits an aggregate message (type 22, RTMP 1.0 §7.1.6) into its audio, video and data
    /// sub-messages. Each sub-message is an FLV-tag-like record: type (1), size (3), timestamp (3 low
    /// bytes + 1 high byte), stream id (3), body, then a 4-byte back pointer.
    /// </summary>
    public static class AggregateMessage
    {
        private const int SubHeaderLength = 11;
        private const int BackPointerLength = 4;

        /// <summary>
        /// Appends each sub-message to <paramref name="output"/>. Timestamps are rebased so the first
        /// sub-message has the aggregate's timestamp and the others keep their distance from it (with
        /// 32-bit wrap); every sub-message gets the aggregate's stream id, as nginx-rtmp does, since the
        /// sub stream ids are the recorder's, not this connection's. Bodies are slices of the aggregate's
        /// payload, not copies.
        /// </summary>
        /// <remarks>
        /// Only audio, video and data sub-messages are accepted: a nested aggregate would recurse and a
        /// command or control message would bypass the session's handling. The back pointer's value is
        /// not checked (FFmpeg ignores it too); the last one may be missing.
        /// </remarks>
        public static void Split(RtmpMessage aggregate, ICollection<RtmpMessage> output, WireLimits limits)
        {
            if (aggregate is null)
            {
                throw new ArgumentNullException(nameof(aggregate));
            }

            if (output is null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            if (limits is null)
            {
                throw new ArgumentNullException(nameof(limits));
            }

            ReadOnlyMemory<byte> payload = aggregate.Payload;
            int position = 0;
            bool first = true;
            uint firstTimestamp = 0;
            while (position < payload.Length)
            {
                ReadOnlySpan<byte> rest = payload.Span.Slice(position);
                if (rest.Length < SubHeaderLength)
                {
                    throw new RtmpProtocolException($"Aggregate message ends inside a sub-message header ({rest.Length} bytes left).");
                }

                var type = (MessageType)rest[0];
                if (type != MessageType.Audio && type != MessageType.Video && type != MessageType.DataAmf0 && type != MessageType.DataAmf3)
                {
                    throw new RtmpProtocolException($"Aggregate message contains a sub-message of type {(byte)type}; only audio, video and data are allowed.");
                }

                int size = (rest[1] << 16) | (rest[2] << 8) | rest[3];
                if (size > limits.MaxMessageSize)
                {
                    throw new RtmpProtocolException($"Aggregate sub-message of {size} bytes exceeds the limit of {limits.MaxMessageSize}.");
                }

                if (size > rest.Length - SubHeaderLength)
                {
                    throw new RtmpProtocolException($"Aggregate sub-message announces {size} bytes but only {rest.Length - SubHeaderLength} remain.");
                }

                uint timestamp = (uint)((rest[7] << 24) | (rest[4] << 16) | (rest[5] << 8) | rest[6]);
                if (first)
                {
                    firstTimestamp = timestamp;
                    first = false;
                }

                uint rebased = unchecked(aggregate.Timestamp + (timestamp - firstTimestamp));
                output.Add(new RtmpMessage(type, rebased, aggregate.StreamId, payload.Slice(position + SubHeaderLength, size)));

                position += SubHeaderLength + size;
                int left = payload.Length - position;
                if (left == 0)
                {
                    break;
                }

                if (left < BackPointerLength)
                {
                    throw new RtmpProtocolException($"Aggregate message ends inside a back pointer ({left} bytes left).");
                }

                position += BackPointerLength;
            }
        }
    }
}
