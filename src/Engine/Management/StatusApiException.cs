using System;

namespace RtmpXProtect.Engine.Management
{
    /// <summary>
    /// The status API of a running rtmpx server did not answer or answered with an error. Its own
    /// type so a cmdlet or verb can tell "no server there" from a bug and say so in one line.
    /// </summary>
    public sealed class StatusApiException : Exception
    {
        /// <summary>Creates the exception with a message fit for a user (it names the API address, never a secret).</summary>
        public StatusApiException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception around the transport error that caused it.</summary>
        public StatusApiException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
