using System;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// The TLS handshake with a peer failed or timed out. Its message names the reason only: it never
    /// carries certificate material or peer bytes.
    /// </summary>
    internal sealed class TlsHandshakeException : Exception
    {
        /// <summary>Creates the exception with the reason.</summary>
        public TlsHandshakeException(string reason)
            : base(reason)
        {
        }
    }
}
