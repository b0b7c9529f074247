using System;

namespace RtmpXProtect.Engine.XProtect.ImageServer
{
    /// <summary>
    /// An ImageServer connection failed: the recorder refused a request (its <c>errorreason</c>
    /// is in the message), closed the socket, or did not answer in time. Never holds the token.
    /// </summary>
    public sealed class ImageServerException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public ImageServerException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with its cause.</summary>
        public ImageServerException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
