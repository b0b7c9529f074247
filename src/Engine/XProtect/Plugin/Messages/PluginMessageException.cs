using System;

namespace RtmpXProtect.Engine.XProtect.Plugin.Messages
{
    /// <summary>
    /// A plugin message could not be read, sent or answered. The message is a sentence for the
    /// administrator; it never quotes the message text, which may hold a stream key.
    /// </summary>
    public sealed class PluginMessageException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public PluginMessageException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with its cause.</summary>
        public PluginMessageException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
