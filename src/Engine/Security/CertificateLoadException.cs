using System;

namespace RtmpXProtect.Engine.Security
{
    /// <summary>A certificate file could not be used; the message names the file and never a password.</summary>
    public sealed class CertificateLoadException : Exception
    {
        /// <summary>Creates the exception with a message fit for the operator.</summary>
        public CertificateLoadException(string message)
            : base(message)
        {
        }
    }
}
