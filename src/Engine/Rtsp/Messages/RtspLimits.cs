using System;

namespace RtmpXProtect.Engine.Rtsp.Messages
{
    /// <summary>
    /// Bounds on what a peer may send on one RTSP connection. Every length and count is checked
    /// against these before anything is allocated for it.
    /// </summary>
    public sealed class RtspLimits
    {
        /// <summary>The defaults used when nothing else is configured.</summary>
        public static RtspLimits Default { get; } = new RtspLimits();

        private int _maxHeaderBytes = 16 * 1024;
        private int _maxHeaders = 64;
        private int _maxBodyBytes = 64 * 1024;

        /// <summary>
        /// Largest start line and header block together. Default 16 KiB: ffmpeg's and GStreamer's
        /// requests are under 1 KiB, and a SETUP with a long signed URL a few KiB.
        /// </summary>
        public int MaxHeaderBytes { get => _maxHeaderBytes; set => _maxHeaderBytes = Check(value, 256, 1024 * 1024); }

        /// <summary>Most header lines in one message. Default 64; clients send about 8.</summary>
        public int MaxHeaders { get => _maxHeaders; set => _maxHeaders = Check(value, 8, 4096); }

        /// <summary>
        /// Largest body (Content-Length). Default 64 KiB: an SDP with three tracks and their
        /// parameter sets is about 1 KiB.
        /// </summary>
        public int MaxBodyBytes { get => _maxBodyBytes; set => _maxBodyBytes = Check(value, 0, 16 * 1024 * 1024); }

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
