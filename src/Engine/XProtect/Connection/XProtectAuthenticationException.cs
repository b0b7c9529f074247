using System;

namespace RtmpXProtect.Engine.XProtect.Connection
{
    /// <summary>The server refused the user name or password. The message names the server and the user, never the password.</summary>
    public sealed class XProtectAuthenticationException : XProtectException
    {
        /// <summary>Creates the exception.</summary>
        public XProtectAuthenticationException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with its cause.</summary>
        public XProtectAuthenticationException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
