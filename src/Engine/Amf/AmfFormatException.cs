using System;

namespace RtmpXProtect.Engine.Amf
{
    /// <summary>
    /// AMF bytes were malformed, used an unsupported type, or went over a <see cref="WireLimits"/>
    /// bound. The message names the problem in words fit for a log line and never contains payload
    /// bytes, which may carry stream keys.
    /// </summary>
    public sealed class AmfFormatException : FormatException
    {
        /// <summary>Creates the exception.</summary>
        public AmfFormatException(string message)
            : base(message)
        {
        }
    }
}
