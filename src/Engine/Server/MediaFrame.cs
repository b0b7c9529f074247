using System;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Rtmp.Chunks;
using RtmpXProtect.Engine.Rtmp.Commands;
using RtmpXProtect.Engine.Rtmp.Messages;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// One published media message on its way to every player. It is chunk-framed once per
    /// (stream id, chunk size), which all players of a server share, and those same bytes go to
    /// every player: fan-out costs no copy per player.
    /// </summary>
    public sealed class MediaFrame
    {
        private Framing? _framing;

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
            if (framing != null && framing.StreamId == streamId && framing.ChunkSize == chunkSize)
            {
                return framing.Bytes;
            }

            // Written once into an array of the exact size: no writer object, no copy of the message.
            var message = Message;
            var chunkStreamId = ChunkStreamFor(message.Type);
            var bytes = new byte[ChunkEncoder.SelfContainedLength(message.Payload.Length, chunkSize, chunkStreamId, message.Timestamp)];
            ChunkEncoder.FrameSelfContained(bytes, chunkStreamId, chunkSize, message.Type, message.Timestamp, streamId, message.Payload.Span);
            framing = new Framing(streamId, chunkSize, bytes);

            // A race here only frames twice; both results are the same bytes.
            _framing = framing;
            return framing.Bytes;
        }

        private static int ChunkStreamFor(MessageType type) => type switch
        {
            MessageType.Audio => ChunkStreamIds.Audio,
            MessageType.Video => ChunkStreamIds.Video,
            _ => ChunkStreamIds.Data,
        };

        private sealed class Framing
        {
            public Framing(uint streamId, int chunkSize, ReadOnlyMemory<byte> bytes)
            {
                StreamId = streamId;
                ChunkSize = chunkSize;
                Bytes = bytes;
            }

            public uint StreamId { get; }

            public int ChunkSize { get; }

            public ReadOnlyMemory<byte> Bytes { get; }
        }
    }
}
