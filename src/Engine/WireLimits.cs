using System;

namespace RtmpXProtect.Engine
{
    /// <summary>
    /// Every bound the engine applies to what a peer sends, in one place. A value read off the
    /// wire (a length, a count, a depth) is checked against these before anything is allocated
    /// for it, so a hostile peer costs at most these amounts.
    /// </summary>
    /// <remarks>
    /// The defaults are chosen for live video: they are well above what OBS, FFmpeg, Wirecast,
    /// drones and body-cams send, and low enough that 1000 connections at their worst still fit
    /// in a server's memory.
    /// </remarks>
    public sealed class WireLimits
    {
        /// <summary>The defaults used when nothing else is configured.</summary>
        public static WireLimits Default { get; } = new WireLimits();

        private int _maxMessageSize = 8 * 1024 * 1024;
        private int _maxChunkSize = 16 * 1024 * 1024 - 1;
        private int _maxChunkStreams = 64;
        private int _maxAmfDepth = 32;
        private int _maxAmfItems = 4096;
        private int _maxAmfStringLength = 1024 * 1024;
        private int _maxAmfReferences = 4096;
        private int _maxParameterSets = 32;
        private int _maxFlvTagSize = 16 * 1024 * 1024 - 1;

        /// <summary>
        /// Largest message a peer may send, in bytes. Default 8 MiB: a 4K keyframe at high quality
        /// is 1–2 MiB; the RTMP length field allows 16 MiB, which would let one peer pin that much
        /// per chunk stream.
        /// </summary>
        public int MaxMessageSize { get => _maxMessageSize; set => _maxMessageSize = Check(value, 1024, 16 * 1024 * 1024 - 1); }

        /// <summary>
        /// Largest chunk size a peer may announce. Default 16 MiB − 1, the largest value the
        /// message length field can carry (RTMP 1.0 §5.4.1 allows 31 bits, but a chunk larger
        /// than a message is never useful).
        /// </summary>
        public int MaxChunkSize { get => _maxChunkSize; set => _maxChunkSize = Check(value, 128, 0x7FFFFFFF); }

        /// <summary>
        /// Chunk streams a peer may keep open at once. Default 64: encoders use 3–8 (control,
        /// command, audio, video, data); the id space is 65,599, each with a partial message.
        /// </summary>
        public int MaxChunkStreams { get => _maxChunkStreams; set => _maxChunkStreams = Check(value, 4, 65599); }

        /// <summary>
        /// Deepest nesting of AMF objects and arrays. Default 32: connect and onMetaData nest at
        /// most 3 levels; recursion depth is what a nesting attack spends.
        /// </summary>
        public int MaxAmfDepth { get => _maxAmfDepth; set => _maxAmfDepth = Check(value, 2, 1024); }

        /// <summary>
        /// Most properties or elements in one AMF object or array. Default 4096: onMetaData
        /// carries about 20, and keyframe index arrays from file muxers a few thousand.
        /// </summary>
        public int MaxAmfItems { get => _maxAmfItems; set => _maxAmfItems = Check(value, 16, 1 << 24); }

        /// <summary>
        /// Longest AMF string in bytes. Default 1 MiB: a long string or XML document announces a
        /// 32-bit length; URLs and metadata strings are under 4 KiB.
        /// </summary>
        public int MaxAmfStringLength { get => _maxAmfStringLength; set => _maxAmfStringLength = Check(value, 256, int.MaxValue); }

        /// <summary>
        /// Most entries in an AMF reference table (AMF0 objects, AMF3 strings, objects, traits).
        /// Default 4096, the same order as <see cref="MaxAmfItems"/>.
        /// </summary>
        public int MaxAmfReferences { get => _maxAmfReferences; set => _maxAmfReferences = Check(value, 16, 1 << 24); }

        /// <summary>
        /// Most parameter sets (SPS, PPS, VPS) in one decoder configuration record. Default 32:
        /// encoders send one of each; the 5- and 8-bit count fields allow 31 and 255.
        /// </summary>
        public int MaxParameterSets { get => _maxParameterSets; set => _maxParameterSets = Check(value, 1, 255); }

        /// <summary>
        /// Largest FLV tag read from a file, in bytes. Default 16 MiB − 1, what the 24-bit tag
        /// size field can say; a reader never allocates more than the tag it was told of.
        /// </summary>
        public int MaxFlvTagSize { get => _maxFlvTagSize; set => _maxFlvTagSize = Check(value, 1024, 16 * 1024 * 1024 - 1); }

        private static int Check(int value, int min, int max, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
        {
            if (value < min || value > max)
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be {min}–{max}.");
            }

            return value;
        }
    }
}
