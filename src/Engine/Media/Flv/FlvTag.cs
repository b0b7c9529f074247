using System;

namespace RtmpXProtect.Engine.Media.Flv
{
    /// <summary>One tag read from an FLV file.</summary>
    public sealed class FlvTag
    {
        /// <summary>Creates a tag.</summary>
        public FlvTag(FlvTagType type, uint timestamp, byte[] body)
        {
            Type = type;
            Timestamp = timestamp;
            Body = body ?? throw new ArgumentNullException(nameof(body));
        }

        /// <summary>
        /// The tag type. Types other than audio, video and script are returned as the raw value
        /// cast to <see cref="FlvTagType"/>, for the caller to skip.
        /// </summary>
        public FlvTagType Type { get; }

        /// <summary>Timestamp in milliseconds, with the extended high byte applied (32 bits).</summary>
        public uint Timestamp { get; }

        /// <summary>The tag body: what an RTMP message of the same type carries.</summary>
        public byte[] Body { get; }
    }
}
