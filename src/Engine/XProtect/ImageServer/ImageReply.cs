using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.XProtect.ImageServer
{
    /// <summary>
    /// An <c>ImageResponse</c>: the pictures a live socket pushes or a goto / next answers, with
    /// the recording's neighbouring picture times (Unix milliseconds) a player navigates by.
    /// </summary>
    public sealed class ImageReply : ImageServerMessage
    {
        /// <summary>Creates a reply.</summary>
        public ImageReply(long? requestId, long? previous, long? current, long? next, string contentType, IReadOnlyList<byte[]> parts)
        {
            RequestId = requestId;
            Previous = previous;
            Current = current;
            Next = next;
            ContentType = contentType ?? string.Empty;
            Parts = parts ?? throw new ArgumentNullException(nameof(parts));
        }

        /// <summary>The request this answers; live pictures carry the live request's id.</summary>
        public long? RequestId { get; }

        /// <summary><c>Prev</c>: the picture before this one, when the reply is to a goto / next.</summary>
        public long? Previous { get; }

        /// <summary><c>Current</c>: the time of this reply's first picture.</summary>
        public long? Current { get; }

        /// <summary><c>Next</c>: where a <c>next</c> goes; equal to <see cref="Current"/> at the newest recording.</summary>
        public long? Next { get; }

        /// <summary>What the header said the body is; <see cref="IsJpeg"/> is what it really is.</summary>
        public string ContentType { get; }

        /// <summary>The pictures: one, or one per multipart part (a GOP). Empty when the recorder had none.</summary>
        public IReadOnlyList<byte[]> Parts { get; }

        /// <summary>
        /// True when a part is a JPEG (starts FF D8), whatever the content type says: a recorder
        /// asked for the native codec still sends JPEG for a camera that has nothing else (TVV).
        /// </summary>
        public static bool IsJpeg(byte[] part) => part != null && part.Length >= 2 && part[0] == 0xFF && part[1] == 0xD8;
    }
}
