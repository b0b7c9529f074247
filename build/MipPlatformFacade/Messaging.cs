using System;
using RtmpXProtect.Build.MipFacade;
using RtmpXProtect.Build.MipPlatformFacade;

namespace VideoOS.Platform.Messaging
{
    [MipSource(Sources.Chat)]
    [MipSource(Sources.CrossMessages)]
    public class Message
    {
        [MipSource(Sources.StatusView)] // new Message(StreamMessageIds.StatusRequest, request)
        [MipSource(Sources.Chat)]
        public Message(string messageId, object data) => throw null;

        [MipSource(Sources.Chat)] // message.Data as ChatData
        public object Data => throw null;
    }

    [MipSource(Sources.Background)]
    public static class MessageId
    {
        [MipSource(Sources.Background)]
        public static class Server
        {
            // readonly, not const: each use then leaves a field reference the facade test can check.
            [MipSource(Sources.Background)]
            public static readonly string ConfigurationChangedIndication;
        }
    }

    [MipSource(Sources.EnvMessages)] // Register(MessageReceiver messageReceiver, MessageFilter messageFilter)
    public abstract class MessageFilter
    {
        [MipSource(Sources.EnvMessages)]
        protected MessageFilter() => throw null;
    }

    [MipSource(Sources.Background)]
    public class MessageIdAndRelatedKindFilter : MessageFilter
    {
        [MipSource(Sources.Background)] // (MessageId.Server.ConfigurationChangedIndication, PluginKindId)
        public MessageIdAndRelatedKindFilter(string messageId, Guid relatedKind) => throw null;
    }

    [MipSource(Sources.CrossMessages)]
    [MipSource(Sources.Chat)]
    public class CommunicationIdFilter
    {
        [MipSource(Sources.CrossMessages)]
        public CommunicationIdFilter(string messageId) => throw null;
    }

    [MipSource(Sources.CrossMessages)]
    [MipSource(Sources.Chat)]
    public class MessageCommunication
    {
        private MessageCommunication() => throw null;

        [MipSource(Sources.CrossMessages)]
        public object RegisterCommunicationFilter(MessageReceiver messageReceiver, CommunicationIdFilter filter) => throw null;

        [MipSource(Sources.CrossMessages)]
        public void UnRegisterCommunicationFilter(object obj) => throw null;

        [MipSource(Sources.CrossMessages)] // TransmitMessage(message, null, null, null)
        [MipSource(Sources.Chat)]
        public void TransmitMessage(Message message, FQID destination, FQID relatedFqid, FQID sender) => throw null;
    }

    [MipSource(Sources.CrossMessages)]
    [MipSource(Sources.Chat)]
    public static class MessageCommunicationManager
    {
        [MipSource(Sources.CrossMessages)]
        public static void Start(ServerId serverId) => throw null;

        [MipSource(Sources.CrossMessages)]
        public static MessageCommunication Get(ServerId serverId) => throw null;

        [MipSource(Sources.Chat)] // EndPointFQID = MessageCommunicationManager.EndPointFQID
        public static FQID EndPointFQID => throw null;
    }
}
