using System;

namespace RtmpXProtect.Engine.XProtect.ImageServer
{
    /// <summary>
    /// Bounds on what a Recording Server may send on one ImageServer connection. Every length and
    /// count in a reply is checked against these before anything is allocated for it.
    /// </summary>
    public sealed class ImageServerLimits
    {
        /// <summary>The defaults used when nothing else is configured.</summary>
        public static ImageServerLimits Default { get; } = new ImageServerLimits();

        private int _maxXmlBytes = 256 * 1024;
        private int _maxHeaderBytes = 8 * 1024;
        private int _maxHeaderLines = 64;
        private int _maxPartBytes = 16 * 1024 * 1024;
        private int _maxParts = 1024;
        private int _maxReplyBytes = 48 * 1024 * 1024;
        private int _maxStatusItems = 256;

        /// <summary>
        /// Largest XML reply (method response or livepackage). Default 256 KiB: a connect answer
        /// is under 1 KiB and a livepackage a few hundred bytes.
        /// </summary>
        public int MaxXmlBytes { get => _maxXmlBytes; set => _maxXmlBytes = Check(value, 1024, 16 * 1024 * 1024); }

        /// <summary>Largest header block of an image reply or of one multipart part. Default 8 KiB; real ones are about 200 bytes.</summary>
        public int MaxHeaderBytes { get => _maxHeaderBytes; set => _maxHeaderBytes = Check(value, 256, 1024 * 1024); }

        /// <summary>Most header lines in one header block. Default 64; the recorder sends about 8.</summary>
        public int MaxHeaderLines { get => _maxHeaderLines; set => _maxHeaderLines = Check(value, 8, 4096); }

        /// <summary>
        /// Largest single picture. Default 16 MiB: a 4K key frame at high quality is 1–2 MiB.
        /// </summary>
        public int MaxPartBytes { get => _maxPartBytes; set => _maxPartBytes = Check(value, 1024, 256 * 1024 * 1024); }

        /// <summary>
        /// Most pictures in one multipart reply (one GOP). Default 1024: a 10 s GOP at 60 fps is 600.
        /// </summary>
        public int MaxParts { get => _maxParts; set => _maxParts = Check(value, 1, 1 << 20); }

        /// <summary>
        /// Largest whole reply, all parts together. Default 48 MiB, what a few replies held at once
        /// may cost: a 4 s GOP at 8 Mbps is 4 MiB.
        /// </summary>
        public int MaxReplyBytes { get => _maxReplyBytes; set => _maxReplyBytes = Check(value, 1024, int.MaxValue); }

        /// <summary>Most status items in one livepackage. Default 256; a recorder sends fewer than 20.</summary>
        public int MaxStatusItems { get => _maxStatusItems; set => _maxStatusItems = Check(value, 1, 1 << 16); }

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
