using System;
using RtmpXProtect.Engine.Buffers;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Rtmp.Chunks;
using RtmpXProtect.Engine.Rtmp.Commands;
using RtmpXProtect.Engine.Rtmp.Messages;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// One published media message on its way to every player. It is chunk-framed once per
    /// (stream id, chunk size), which all players of a server share, and those same bytes go to
    /// every player: fan-out costs no copy per player. While the stream delivers it, those bytes are
    /// a pooled buffer the players' queues share, so a watched stream makes no garbage per frame.
    /// </summary>
    public sealed class MediaFrame
    {
        private Framing? _framing;
        private bool _delivering;

        private MediaFrame(RtmpMessage message, FrameKind kind)
        {
            Message = message;
            Kind = kind;
        }

        /// <summary>The message as published.</summary>
        public RtmpMessage Message { get; }

        /// <summary>What the frame is to the fan-out.</summary>
        public FrameKind Kind { get; }

        /// <summary>
        /// The frame as RTP packets, once the stream has RTSP players: made once on the publisher's
        /// thread, in publish order, and shared by them all. Null for what RTP does not carry.
        /// </summary>
        internal RtmpXProtect.Engine.Rtsp.Session.RtpFrame? Rtp { get; set; }

        /// <summary>True for sequence headers and metadata: never dropped, cached for joiners.</summary>
        public bool IsConfig => Kind == FrameKind.AudioConfig || Kind == FrameKind.VideoConfig || Kind == FrameKind.Metadata;

        /// <summary>Classifies a published audio, video or data message.</summary>
        public static MediaFrame From(RtmpMessage message)
        {
            var body = message.Payload.Span;
            var kind = message.Type switch
            {
                MessageType.Video when VideoTagHeader.TryParse(body, out var video) =>
                    video.IsSequenceHeader ? FrameKind.VideoConfig : video.IsKeyFrame && video.PacketKind != VideoPacketKind.SequenceEnd && video.PacketKind != VideoPacketKind.Metadata ? FrameKind.VideoKeyFrame : FrameKind.Video,
                MessageType.Video => FrameKind.Video,
                MessageType.Audio when AudioTagHeader.TryParse(body, out var audio) && audio.IsSequenceHeader => FrameKind.AudioConfig,
                MessageType.Audio => FrameKind.Audio,
                _ when DataMessage.IsMetadata(message) => FrameKind.Metadata,
                _ => FrameKind.Data,
            };
            return new MediaFrame(message, kind);
        }

        /// <summary>A frame whose kind is already known (a copy the GOP cache hands a joiner), with its RTP packets.</summary>
        internal static MediaFrame Restored(RtmpMessage message, FrameKind kind, RtmpXProtect.Engine.Rtsp.Session.RtpFrame? rtp) =>
            new MediaFrame(message, kind) { Rtp = rtp };

        /// <summary>The same frame at another timestamp (sent to a joiner ahead of the GOP).</summary>
        public MediaFrame At(uint timestamp) => new MediaFrame(Message.With(timestamp, Message.StreamId), Kind);

        /// <summary>
        /// The frame as chunks for a player on <paramref name="streamId"/> with the server's chunk
        /// size. The first caller frames it; the others get the same bytes.
        /// </summary>
        public ReadOnlyMemory<byte> Framed(uint streamId, int chunkSize)
        {
            var framing = _framing;
            if (framing != null && framing.Buffer == null && framing.Is(streamId, chunkSize))
            {
                return framing.Bytes;
            }

            // The pooled chunks of a delivery are good only while a holder keeps them, and belong to
            // the delivery: a caller without a reference gets an array of its own.
            var made = Frame(streamId, chunkSize, pooled: false);
            if (framing?.Buffer == null)
            {
                // A race here only frames twice; both results are the same bytes.
                _framing = made;
            }

            return made.Bytes;
        }

        /// <summary>
        /// Like <see cref="Framed(uint, int)"/>, on the delivering thread: while the frame is being
        /// delivered the bytes are in a pooled <paramref name="owner"/>, retained for the caller, who
        /// releases it once they are sent (or will not be); null for an array of their own.
        /// </summary>
        internal ReadOnlyMemory<byte> Framed(uint streamId, int chunkSize, out SharedBuffer? owner)
        {
            var framing = _framing;
            if (framing == null || !framing.Is(streamId, chunkSize))
            {
                // Only the first framing is pooled; a player on another stream id or chunk size gets
                // an array of its own, and the pooled one stays where EndDelivery finds it.
                var made = Frame(streamId, chunkSize, pooled: _delivering && framing == null);
                if (framing?.Buffer == null)
                {
                    _framing = made;
                }

                framing = made;
            }

            owner = framing.Buffer;
            owner?.Retain();
            return framing.Bytes;
        }

        /// <summary>
        /// The stream hands this frame to its sinks now, on this thread: the chunks made meanwhile
        /// go into a buffer from the shared pool, which every player that queues them retains.
        /// Only for frames nothing keeps (not the headers the cache holds for joiners).
        /// </summary>
        internal void BeginDelivery() => _delivering = true;

        /// <summary>
        /// The sinks have had the frame: the delivery's own reference to the pooled chunks is let go,
        /// and they go back to the pool when the last player has sent them. A later caller frames anew.
        /// </summary>
        internal void EndDelivery()
        {
            _delivering = false;
            if (_framing?.Buffer is SharedBuffer buffer)
            {
                _framing = null;
                buffer.Release();
            }
        }

        // Written once, at the exact size: no writer object, no copy of the message.
        private Framing Frame(uint streamId, int chunkSize, bool pooled)
        {
            var message = Message;
            var chunkStreamId = ChunkStreamFor(message.Type);
            var length = ChunkEncoder.SelfContainedLength(message.Payload.Length, chunkSize, chunkStreamId, message.Timestamp);
            var buffer = pooled ? new SharedBuffer(length) : null;
            var bytes = buffer != null ? buffer.Array : new byte[length];
            ChunkEncoder.FrameSelfContained(bytes, length, chunkStreamId, chunkSize, message.Type, message.Timestamp, streamId, message.Payload.Span);
            return new Framing(streamId, chunkSize, new ReadOnlyMemory<byte>(bytes, 0, length), buffer);
        }

        private static int ChunkStreamFor(MessageType type) => type switch
        {
            MessageType.Audio => ChunkStreamIds.Audio,
            MessageType.Video => ChunkStreamIds.Video,
            _ => ChunkStreamIds.Data,
        };

        private sealed class Framing
        {
            public Framing(uint streamId, int chunkSize, ReadOnlyMemory<byte> bytes, SharedBuffer? buffer)
            {
                StreamId = streamId;
                ChunkSize = chunkSize;
                Bytes = bytes;
                Buffer = buffer;
            }

            public uint StreamId { get; }

            public int ChunkSize { get; }

            public ReadOnlyMemory<byte> Bytes { get; }

            public bool Is(uint streamId, int chunkSize) => StreamId == streamId && ChunkSize == chunkSize;

            /// <summary>The pooled array under <see cref="Bytes"/>, made during a delivery; null for an array of its own.</summary>
            public SharedBuffer? Buffer { get; }
        }
    }
}
