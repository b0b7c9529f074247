using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Amf;
using RtmpXProtect.Engine.Rtmp.Messages;

namespace RtmpXProtect.Engine.Rtmp.Commands
{
    /// <summary>
    /// A decoded command message (RTMP 1.0 §7.2): a name, a transaction id, the command object and
    /// the optional arguments after it.
    /// </summary>
    public sealed class CommandMessage
    {
        /// <summary>Creates a command.</summary>
        public CommandMessage(string name, double transactionId, object? commandObject, IReadOnlyList<object?> arguments)
        {
            Name = name;
            TransactionId = transactionId;
            CommandObject = commandObject;
            Arguments = arguments;
        }

        /// <summary>The command name (connect, publish, _result, onStatus, …).</summary>
        public string Name { get; }

        /// <summary>The transaction id; 0 for commands that expect no answer.</summary>
        public double TransactionId { get; }

        /// <summary>The command object (an <see cref="AmfObject"/> or null).</summary>
        public object? CommandObject { get; }

        /// <summary>The values after the command object.</summary>
        public IReadOnlyList<object?> Arguments { get; }

        /// <summary>The argument at <paramref name="index"/>, or null when there are fewer.</summary>
        public object? Argument(int index) => index < Arguments.Count ? Arguments[index] : null;

        /// <summary>
        /// Decodes a command from an AMF0 (type 20) or AMF3 (type 17) command message. Type 17
        /// bodies start with a format byte and then hold AMF0 values that may switch to AMF3.
        /// </summary>
        /// <exception cref="RtmpProtocolException">The body is not a well-formed command.</exception>
        public static CommandMessage Decode(RtmpMessage message, WireLimits limits)
        {
            var body = message.Payload.Span;
            if (message.Type == MessageType.CommandAmf3 && body.Length > 0 && body[0] == 0)
            {
                body = body.Slice(1);
            }

            List<object?> values;
            try
            {
                values = Amf0Reader.ReadAll(body, limits);
            }
            catch (AmfFormatException e)
            {
                throw new RtmpProtocolException("Malformed command message: " + e.Message, e);
            }

            if (values.Count < 2 || !(values[0] is string name) || !(values[1] is double transactionId))
            {
                throw new RtmpProtocolException("Malformed command message: it must start with a name and a transaction id.");
            }

            var commandObject = values.Count > 2 ? values[2] : null;
            var arguments = values.Count > 3 ? values.GetRange(3, values.Count - 3) : (IReadOnlyList<object?>)Array.Empty<object?>();
            return new CommandMessage(name, transactionId, commandObject, arguments);
        }

        /// <summary>Encodes a command as an AMF0 command message.</summary>
        public static RtmpMessage Encode(uint streamId, string name, double transactionId, object? commandObject, params object?[] arguments)
        {
            var values = new object?[arguments.Length + 3];
            values[0] = name;
            values[1] = transactionId;
            values[2] = commandObject;
            Array.Copy(arguments, 0, values, 3, arguments.Length);
            return new RtmpMessage(MessageType.CommandAmf0, 0, streamId, Amf0Writer.Serialize(values));
        }
    }
}
