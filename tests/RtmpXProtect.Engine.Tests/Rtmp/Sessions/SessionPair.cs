using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Buffers;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Chunks;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Rtmp.Sessions;
using RtmpXProtect.Engine.Rtmp.Sessions.Events;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp.Sessions
{
    /// <summary>
    /// A server session and a client session wired to each other in memory. Every byte each one
    /// writes is also decoded by an independent ChunkDecoder, so tests can look at the messages on
    /// the wire as well as at the events.
    /// </summary>
    internal sealed class SessionPair
    {
        public SessionPair(ServerSessionOptions? serverOptions = null, ClientSessionOptions? clientOptions = null)
        {
            Server = new ServerSession(serverOptions);
            Client = new ClientSession(clientOptions ?? new ClientSessionOptions("live", "rtmp://localhost:1935/live"));
        }

        public ServerSession Server { get; }

        public ClientSession Client { get; }

        /// <summary>Bytes the client wrote that the server has not read yet.</summary>
        public ByteBufferWriter ToServer { get; } = new ByteBufferWriter();

        /// <summary>Bytes the server wrote that the client has not read yet.</summary>
        public ByteBufferWriter ToClient { get; } = new ByteBufferWriter();

        public List<SessionEvent> ServerEvents { get; } = new List<SessionEvent>();

        public List<SessionEvent> ClientEvents { get; } = new List<SessionEvent>();

        /// <summary>Every message the server sent, as an independent decoder saw it.</summary>
        public List<RtmpMessage> SentByServer { get; } = new List<RtmpMessage>();

        /// <summary>Every message the client sent, as an independent decoder saw it.</summary>
        public List<RtmpMessage> SentByClient { get; } = new List<RtmpMessage>();

        public ChunkDecoder ServerTap { get; } = new ChunkDecoder(WireLimits.Default);

        public ChunkDecoder ClientTap { get; } = new ChunkDecoder(WireLimits.Default);

        /// <summary>A pair whose connect was accepted, with the event lists cleared.</summary>
        public static SessionPair Connected(ServerSessionOptions? serverOptions = null, ClientSessionOptions? clientOptions = null)
        {
            var pair = new SessionPair(serverOptions, clientOptions);
            pair.Client.Connect(pair.ToServer);
            pair.Pump();
            pair.Server.AcceptConnect(pair.ToClient);
            pair.Pump();
            pair.Clear();
            return pair;
        }

        /// <summary>Moves bytes both ways until neither side has anything left to say.</summary>
        public void Pump()
        {
            for (var round = 0; round < 100 && (ToServer.WrittenCount > 0 || ToClient.WrittenCount > 0); round++)
            {
                if (ToServer.WrittenCount > 0)
                {
                    var bytes = ToServer.ToArray();
                    ToServer.Clear();
                    ClientTap.Decode(bytes, SentByClient);
                    Server.Receive(bytes, ToClient, ServerEvents);
                }

                if (ToClient.WrittenCount > 0)
                {
                    var bytes = ToClient.ToArray();
                    ToClient.Clear();
                    ServerTap.Decode(bytes, SentByServer);
                    Client.Receive(bytes, ToServer, ClientEvents);
                }
            }
        }

        public void Clear()
        {
            ServerEvents.Clear();
            ClientEvents.Clear();
            SentByServer.Clear();
            SentByClient.Clear();
        }

        public T ServerEvent<T>()
            where T : SessionEvent => Assert.Single(ServerEvents.OfType<T>());

        public T ClientEvent<T>()
            where T : SessionEvent => Assert.Single(ClientEvents.OfType<T>());

        /// <summary>A pair publishing "cam1?key=secret" with the publish accepted.</summary>
        public static SessionPair Publishing(ServerSessionOptions? serverOptions = null)
        {
            var pair = Connected(serverOptions);
            pair.Client.Publish("cam1?key=secret", pair.ToServer);
            pair.Pump();
            pair.Server.AcceptPublish(pair.ServerEvent<PublishRequested>().Request, pair.ToClient);
            pair.Pump();
            pair.Clear();
            return pair;
        }
    }
}
