using System;
using RtmpXProtect.Engine.Rtmp.Commands;

namespace RtmpXProtect.Engine.Client
{
    /// <summary>The server refused a connect, publish or play; <see cref="Status"/> says how.</summary>
    public sealed class RtmpStatusException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public RtmpStatusException(StatusInfo status)
            : base($"The server answered {status.Code}: {status.Description}")
        {
            Status = status;
        }

        /// <summary>The status the server sent.</summary>
        public StatusInfo Status { get; }
    }
}
