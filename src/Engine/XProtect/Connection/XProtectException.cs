using System;

namespace RtmpXProtect.Engine.XProtect.Connection
{
    /// <summary>
    /// An XProtect server could not be reached, refused a request, or answered what cannot be
    /// used. The message names the server and what failed; it never holds a password or token.
    /// </summary>
    public class XProtectException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public XProtectException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with its cause.</summary>
        public XProtectException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
