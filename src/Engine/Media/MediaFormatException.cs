using System;

namespace RtmpXProtect.Engine.Media
{
    /// <summary>
    /// Media bytes (a tag header, a decoder configuration record, a parameter set, an FLV file)
    /// are malformed or exceed a <see cref="WireLimits"/> bound. The message says what was wrong
    /// and never contains payload bytes.
    /// </summary>
    public sealed class MediaFormatException : FormatException
    {
        /// <summary>Creates the exception.</summary>
        public MediaFormatException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with the underlying cause.</summary>
        public MediaFormatException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
