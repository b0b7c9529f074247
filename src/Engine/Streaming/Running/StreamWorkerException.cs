using System;

namespace RtmpXProtect.Engine.Streaming.Running
{
    /// <summary>
    /// A worker ended unexpectedly for a reason it can name itself (a helper process's exit code);
    /// the supervisor shows its message as it is. The message never holds a key.
    /// </summary>
    public sealed class StreamWorkerException : Exception
    {
        /// <summary>Creates the exception with a masked, human reason ("helper crashed (exit 137)").</summary>
        public StreamWorkerException(string message)
            : base(message)
        {
        }
    }
}
