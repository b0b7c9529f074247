using System;

namespace RtmpXProtect.Engine.Media.Mp4
{
    /// <summary>Writes one video track to an MP4 file, sample by sample in decode order.</summary>
    public interface IMp4VideoWriter : IDisposable
    {
        /// <summary>Samples written so far.</summary>
        long Samples { get; }

        /// <summary>Bytes of the file so far (or, for a file finished at the end, of its media).</summary>
        long Bytes { get; }

        /// <summary>
        /// Adds a sample: its bytes (length-prefixed NAL units, or a JPEG), decode and presentation
        /// times in milliseconds on any origin (the first decode time becomes 0), and whether a
        /// decoder may start at it. Decode times must rise; presentation times may not precede them.
        /// </summary>
        void Write(ReadOnlySpan<byte> sample, long decodeTimeMs, long presentationTimeMs, bool sync);

        /// <summary>Writes what remains; the last sample lasts <paramref name="lastDurationMs"/>. The file is complete and playable after this.</summary>
        void Complete(long lastDurationMs);
    }
}
