using System;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// A publish starting or stopping, as logs, webhooks and command hooks receive it. Immutable
    /// so that one instance can be handed to every subscriber and queued without copying. It holds
    /// the path without its query, so no stream key or signature is ever in it.
    /// </summary>
    public sealed class StreamEvent
    {
        /// <summary>Creates an event; the server makes these, tests and hosts may too.</summary>
        public StreamEvent(
            StreamEventKind kind,
            string path,
            string publisherAddress,
            long sessionId,
            string? videoCodec,
            int width,
            int height,
            string? audioCodec,
            long bitrateKbps,
            string? reason,
            DateTimeOffset startedAt,
            TimeSpan duration)
        {
            Kind = kind;
            Path = path ?? throw new ArgumentNullException(nameof(path));
            PublisherAddress = publisherAddress ?? string.Empty;
            SessionId = sessionId;
            VideoCodec = videoCodec;
            Width = width;
            Height = height;
            AudioCodec = audioCodec;
            BitrateKbps = bitrateKbps;
            Reason = reason;
            StartedAt = startedAt;
            Duration = duration;
        }

        /// <summary>Started or stopped.</summary>
        public StreamEventKind Kind { get; }

        /// <summary>"app/stream", without the query (which may hold a key).</summary>
        public string Path { get; }

        /// <summary>The publisher's IP address ("127.0.0.1"), empty when unknown.</summary>
        public string PublisherAddress { get; }

        /// <summary>The connection's id, the same number its log lines carry as SessionId.</summary>
        public long SessionId { get; }

        /// <summary>"h264", "h265", "av1", "vp9", …; null when the publish had no video header.</summary>
        public string? VideoCodec { get; }

        /// <summary>Width in pixels from the sequence header, 0 when unknown.</summary>
        public int Width { get; }

        /// <summary>Height in pixels from the sequence header, 0 when unknown.</summary>
        public int Height { get; }

        /// <summary>"AAC-LC", "MP3", "Opus", …; null when the publish had no audio.</summary>
        public string? AudioCodec { get; }

        /// <summary>
        /// Average media bitrate over the publish, in kbit/s. 0 in StreamStarted, which fires when
        /// the headers arrive, before there is a rate to measure.
        /// </summary>
        public long BitrateKbps { get; }

        /// <summary>
        /// Why a publish stopped: "unpublished", "disconnected", "replaced", "serverStopping", or
        /// the name of the limit that closed it ("videoDataTimeout", "receiveIdleTimeout",
        /// "memoryBudgetExceeded", …). Null for StreamStarted.
        /// </summary>
        public string? Reason { get; }

        /// <summary>When the server accepted the publish (UTC).</summary>
        public DateTimeOffset StartedAt { get; }

        /// <summary>How long the publish lasted until this event.</summary>
        public TimeSpan Duration { get; }
    }
}
