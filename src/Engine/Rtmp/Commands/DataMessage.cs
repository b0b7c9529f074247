using System;
using RtmpXProtect.Engine.Amf;
using RtmpXProtect.Engine.Rtmp.Messages;

namespace RtmpXProtect.Engine.Rtmp.Commands
{
    /// <summary>Helpers for data messages (type 18 and 15): metadata and its @setDataFrame wrapper.</summary>
    public static class DataMessage
    {
        /// <summary>
        /// Encoders send metadata as <c>@setDataFrame("onMetaData", {…})</c> to ask the server to keep
        /// it; players expect <c>onMetaData({…})</c>. Returns the message players should get, or the
        /// message itself when it is not wrapped. AMF3 data (type 15) becomes AMF0.
        /// </summary>
        /// <exception cref="RtmpProtocolException">The body is not well-formed AMF.</exception>
        public static RtmpMessage Normalize(RtmpMessage message, WireLimits limits)
        {
            var body = message.Payload.Span;
            var isAmf3 = message.Type == MessageType.DataAmf3;
            if (isAmf3 && body.Length > 0 && body[0] == 0)
            {
                body = body.Slice(1);
            }

            if (!isAmf3 && !StartsWithString(body, CommandNames.SetDataFrame))
            {
                return message;
            }

            try
            {
                var values = Amf0Reader.ReadAll(body, limits);
                if (values.Count >= 3 && values[0] is string first && first == CommandNames.SetDataFrame)
                {
                    values.RemoveAt(0);
                }

                return new RtmpMessage(MessageType.DataAmf0, message.Timestamp, message.StreamId, Amf0Writer.Serialize(values.ToArray()));
            }
            catch (AmfFormatException e)
            {
                throw new RtmpProtocolException("Malformed data message: " + e.Message, e);
            }
        }

        /// <summary>Whether a data message is onMetaData (after <see cref="Normalize"/>).</summary>
        public static bool IsMetadata(RtmpMessage message)
            => message.Type == MessageType.DataAmf0 && StartsWithString(message.Payload.Span, CommandNames.OnMetaData);

        /// <summary>Reads the metadata object of an onMetaData message, or null.</summary>
        public static AmfObject? ReadMetadata(RtmpMessage message, WireLimits limits)
        {
            try
            {
                var values = Amf0Reader.ReadAll(message.Payload.Span, limits);
                return values.Count >= 2 ? values[1] as AmfObject : null;
            }
            catch (AmfFormatException)
            {
                return null;
            }
        }

        // Compares the first AMF0 string without decoding the whole body: metadata is rare, but
        // every data message passes through here.
        private static bool StartsWithString(ReadOnlySpan<byte> body, string text)
        {
            if (body.Length < 3 + text.Length || body[0] != 0x02 || body[1] != 0 || body[2] != text.Length)
            {
                return false;
            }

            for (var i = 0; i < text.Length; i++)
            {
                if (body[3 + i] != text[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
