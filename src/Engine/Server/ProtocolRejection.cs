using RtmpXProtect.Engine.Amf;
using RtmpXProtect.Engine.Rtmp;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// Names the rejection for a protocol exception, so the log and counters say which wire rule an
    /// attacker broke instead of one coarse ProtocolError. The decoders keep their one exception type;
    /// the name comes from where it was thrown (the handshake, an AMF body) and the decoders' fixed wording,
    /// which tests/RtmpXProtect.Interop.Tests/Security pins.
    /// </summary>
    internal static class ProtocolRejection
    {
        public static RejectionReason Of(RtmpProtocolException e, bool inHandshake)
        {
            if (inHandshake)
            {
                return RejectionReason.InvalidHandshake;
            }

            var message = e.Message;
            if (e.InnerException is AmfFormatException || message.StartsWith("Malformed ", System.StringComparison.Ordinal))
            {
                return RejectionReason.MalformedAmf;
            }

            if (message.Contains("Set Chunk Size"))
            {
                return RejectionReason.InvalidChunkSize;
            }

            if (message.Contains("announces a message of") || message.Contains("chunk streams") || message.Contains("exceeds the limit"))
            {
                return RejectionReason.MessageTooLarge;
            }

            if (message.Contains("before connect"))
            {
                return RejectionReason.CommandBeforeConnect;
            }

            return RejectionReason.ProtocolError;
        }

        // Longest a peer-influenced detail may be in a log line; enough for any message the decoders write.
        private const int MaxDetailLength = 200;

        /// <summary>
        /// The exception's message for the log line: some quote what the peer sent (a command name), so
        /// control characters become '?' (no forged log lines) and it is cut short (no 1 MiB names).
        /// </summary>
        public static string Describe(RtmpProtocolException e)
        {
            var message = e.Message;
            var length = System.Math.Min(message.Length, MaxDetailLength);
            var shown = new System.Text.StringBuilder(length + 1);
            for (var i = 0; i < length; i++)
            {
                shown.Append(char.IsControl(message[i]) ? '?' : message[i]);
            }

            return message.Length > MaxDetailLength ? shown.Append('…').ToString() : shown.ToString();
        }
    }
}
