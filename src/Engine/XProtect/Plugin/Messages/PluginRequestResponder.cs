using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Logging;

namespace RtmpXProtect.Engine.XProtect.Plugin.Messages
{
    /// <summary>
    /// The Event Server's side of the plugin messages: answers each request text from the
    /// Management Client. A Save keeps the keys here and answers the masked bag, so no key
    /// travels back nor reaches the item's configuration.
    /// </summary>
    public sealed class PluginRequestResponder
    {
        /// <summary>A log line longer than this is cut: one line must never push the others out of an answer.</summary>
        internal const int MaxLineLength = 1024;

        private readonly IStreamKeyStore _keys;
        private readonly Func<Guid, ItemState?> _state;
        private readonly Func<Guid, long, IReadOnlyList<LogLine>> _liveLog;

        /// <summary>Creates a responder over the key store and the host's state and live log (<see cref="PluginStreamHost.State"/>, <see cref="PluginStreamHost.LiveLog(Guid, long)"/>).</summary>
        public PluginRequestResponder(IStreamKeyStore keys, Func<Guid, ItemState?> state, Func<Guid, long, IReadOnlyList<LogLine>> liveLog)
        {
            _keys = keys ?? throw new ArgumentNullException(nameof(keys));
            _state = state ?? throw new ArgumentNullException(nameof(state));
            _liveLog = liveLog ?? throw new ArgumentNullException(nameof(liveLog));
        }

        /// <summary>The answer's text to send back; null when the text is no request at all (there is no id to answer).</summary>
        public string? Respond(string? requestText)
        {
            PluginRequest request;
            try
            {
                request = PluginMessageCodec.DecodeRequest(requestText);
            }
            catch (PluginMessageException)
            {
                return null;
            }

            return Encode(Answer(request));
        }

        private PluginAnswer Answer(PluginRequest request)
        {
            var answer = new PluginAnswer { Id = request.Id };
            switch (request.Kind)
            {
                case PluginRequestKind.Save:
                    try
                    {
                        answer.Properties = PluginItemMapper.ToProperties(request.ItemId, request.Entry!, _keys);
                    }
                    catch (PluginItemException e)
                    {
                        answer.Errors = e.Errors.ToList();
                    }
                    catch (Exception)
                    {
                        // Never the exception's text: the store's could quote a path or a key.
                        answer.Error = "The Event Server could not keep the item's stream keys.";
                    }

                    break;
                case PluginRequestKind.Delete:
                    try
                    {
                        _keys.Delete(request.ItemId);
                    }
                    catch (Exception)
                    {
                        answer.Error = "The Event Server could not forget the item's stream keys.";
                    }

                    break;
                case PluginRequestKind.State:
                    try
                    {
                        answer.State = _state(request.ItemId);
                    }
                    catch (Exception)
                    {
                        answer.Error = "The Event Server could not tell the item's state.";
                    }

                    break;
                default:
                    try
                    {
                        answer.Lines = _liveLog(request.ItemId, request.After).Select(Cut).ToList();
                    }
                    catch (Exception)
                    {
                        answer.Error = "The Event Server could not read the item's live log.";
                    }

                    break;
            }

            return answer;
        }

        // An answer the Management Client would refuse for its length is no answer: drop the
        // newest lines, which the next poll (after the last line sent) asks for again.
        private static string Encode(PluginAnswer answer)
        {
            var text = PluginMessageCodec.Serialize(answer);
            while (text.Length > PluginMessageCodec.MaxLength && answer.Lines != null && answer.Lines.Count > 1)
            {
                answer.Lines.RemoveRange(answer.Lines.Count / 2, answer.Lines.Count - (answer.Lines.Count / 2));
                text = PluginMessageCodec.Serialize(answer);
            }

            if (text.Length > PluginMessageCodec.MaxLength)
            {
                text = PluginMessageCodec.Serialize(new PluginAnswer { Id = answer.Id, Error = "The Event Server's answer is too long to send." });
            }

            return text;
        }

        private static LogLine Cut(LogLine line)
        {
            if (line.Text == null || line.Text.Length <= MaxLineLength)
            {
                return line;
            }

            // Never between the two halves of a surrogate pair: a lone half is not text.
            var length = MaxLineLength - 1;
            if (char.IsHighSurrogate(line.Text[length - 1]))
            {
                length--;
            }

            return line with { Text = line.Text.Substring(0, length) + "…" };
        }
    }
}
