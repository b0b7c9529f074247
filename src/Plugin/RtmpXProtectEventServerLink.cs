using System;
using RtmpXProtect.Engine.XProtect.Plugin.Messages;
using VideoOS.Platform;
using VideoOS.Platform.Messaging;

namespace RtmpXProtect.Plugin
{
    /// <summary>
    /// The Management Client's line to the Event Server's background plugin: the engine's
    /// <see cref="PluginRequestChannel"/> over MIP's MessageCommunication. Messaging starts on the
    /// first request, which the callers make off the UI thread (starting it can take seconds).
    /// </summary>
    internal sealed class RtmpXProtectEventServerLink : IDisposable
    {
        /// <summary>How long a request waits for its answer; the UI never waits longer.</summary>
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

        private readonly object _gate = new object();
        private MessageCommunication _messages;
        private object _answerFilter;

        /// <summary>A link that has not connected yet.</summary>
        public RtmpXProtectEventServerLink()
        {
            Channel = new PluginRequestChannel(Send, Timeout);
        }

        /// <summary>The requests: Save, Delete, State, LiveLog.</summary>
        public PluginRequestChannel Channel { get; }

        /// <summary>Fails what is pending and stops listening for answers.</summary>
        public void Dispose()
        {
            Channel.Dispose();
            lock (_gate)
            {
                if (_answerFilter != null)
                {
                    _messages.UnRegisterCommunicationFilter(_answerFilter);
                    _answerFilter = null;
                }
            }
        }

        // Sent to every endpoint (no public source names the Event Server's own endpoint); only
        // the background plugin listens for requests. The sender is this endpoint, so the answer
        // can come back to it alone.
        private void Send(string request)
        {
            Connect().TransmitMessage(new Message(PluginMessageIds.Request, request), null, null, MessageCommunicationManager.EndPointFQID);
        }

        private MessageCommunication Connect()
        {
            lock (_gate)
            {
                if (_messages == null)
                {
                    var site = EnvironmentManager.Instance.MasterSite.ServerId;
                    MessageCommunicationManager.Start(site);
                    _messages = MessageCommunicationManager.Get(site);
                    _answerFilter = _messages.RegisterCommunicationFilter(OnAnswer, new CommunicationIdFilter(PluginMessageIds.Answer));
                }

                return _messages;
            }
        }

        private object OnAnswer(Message message, FQID destination, FQID sender)
        {
            Channel.Receive(message.Data as string);
            return null;
        }
    }
}
