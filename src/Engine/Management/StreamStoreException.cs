using System;

namespace RtmpXProtect.Engine.Management
{
    /// <summary>
    /// A stream definition cannot be added, changed or written. Its message names the stream and the
    /// rule it breaks and never quotes a URL: destination URLs carry stream keys.
    /// </summary>
    public sealed class StreamStoreException : Exception
    {
        /// <summary>Creates the exception for the stream <paramref name="streamName"/>.</summary>
        public StreamStoreException(string? streamName, string message)
            : base(message)
        {
            StreamName = streamName;
        }

        /// <summary>The stream concerned, so a cmdlet can use it as its error record's target.</summary>
        public string? StreamName { get; }
    }
}
