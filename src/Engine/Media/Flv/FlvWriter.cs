using System;
using System.Buffers;
using System.IO;

namespace RtmpXProtect.Engine.Media.Flv
{
    /// <summary>
    /// Writes an FLV file (FLV 10.1 Annex E): a header, then tags each followed by their
    /// PreviousTagSize. Used to record a stream or dump what a peer sent.
    /// </summary>
    public sealed class FlvWriter : IDisposable
    {
        private const int TagHeaderLength = 11;
        private const int MaxBodyLength = 0xFFFFFF;
        private readonly Stream _output;
        private readonly bool _leaveOpen;
        private bool _disposed;

        /// <summary>
        /// Writes the 9-byte header and PreviousTagSize0. The stream stays open after
        /// <see cref="Dispose"/> unless <paramref name="leaveOpen"/> is false.
        /// </summary>
        public FlvWriter(Stream output, bool hasAudio, bool hasVideo, bool leaveOpen = true)
        {
            _output = output ?? throw new ArgumentNullException(nameof(output));
            _leaveOpen = leaveOpen;
            var header = new byte[]
            {
                (byte)'F', (byte)'L', (byte)'V', 1,
                (byte)((hasAudio ? 0x04 : 0) | (hasVideo ? 0x01 : 0)),
                0, 0, 0, 9,
                0, 0, 0, 0,
            };
            _output.Write(header, 0, header.Length);
        }

        /// <summary>Tags written so far.</summary>
        public long TagCount { get; private set; }

        /// <summary>
        /// Writes one tag: the timestamp's low 24 bits, then its high 8 bits in the extended byte,
        /// stream id 0, the body, and PreviousTagSize = 11 + body length.
        /// </summary>
        public void WriteTag(FlvTagType type, uint timestamp, ReadOnlySpan<byte> body)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(FlvWriter));
            }

            if (body.Length > MaxBodyLength)
            {
                throw new ArgumentException($"An FLV tag body is at most {MaxBodyLength} bytes.", nameof(body));
            }

            int total = TagHeaderLength + body.Length + 4;
            byte[] buffer = ArrayPool<byte>.Shared.Rent(total);
            try
            {
                buffer[0] = (byte)type;
                buffer[1] = (byte)(body.Length >> 16);
                buffer[2] = (byte)(body.Length >> 8);
                buffer[3] = (byte)body.Length;
                buffer[4] = (byte)(timestamp >> 16);
                buffer[5] = (byte)(timestamp >> 8);
                buffer[6] = (byte)timestamp;
                buffer[7] = (byte)(timestamp >> 24);
                buffer[8] = 0;
                buffer[9] = 0;
                buffer[10] = 0;
                body.CopyTo(buffer.AsSpan(TagHeaderLength));
                int previousTagSize = TagHeaderLength + body.Length;
                int end = TagHeaderLength + body.Length;
                buffer[end] = (byte)(previousTagSize >> 24);
                buffer[end + 1] = (byte)(previousTagSize >> 16);
                buffer[end + 2] = (byte)(previousTagSize >> 8);
                buffer[end + 3] = (byte)previousTagSize;

                // netstandard2.0 Stream has no span overload; one write per tag keeps it atomic-ish.
                _output.Write(buffer, 0, total);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            TagCount++;
        }

        /// <summary>Flushes the underlying stream.</summary>
        public void Flush()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(FlvWriter));
            }

            _output.Flush();
        }

        /// <summary>Flushes, and closes the stream only if the writer was told it owns it.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _output.Flush();
            _disposed = true;
            if (!_leaveOpen)
            {
                _output.Dispose();
            }
        }
    }
}
