using System;
using System.Linq;
using RtmpXProtect.Engine.Amf;
using RtmpXProtect.Engine.Buffers;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Chunks;
using RtmpXProtect.Engine.Rtmp.Commands;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Rtmp.Sessions;
using RtmpXProtect.Engine.Rtmp.Sessions.Events;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp.Sessions
{
    public class SessionPairTests
    {
        [Fact]
        public void Connect_accepted_raises_Connected_and_applies_chunk_size_and_window()
        {
            var pair = new SessionPair();
            pair.Client.Connect(pair.ToServer);
            pair.Pump();
            var request = pair.ServerEvent<ConnectRequested>().Request;
            Assert.Equal("live", request.App.Name);
            Assert.Equal("rtmp://localhost:1935/live", request.TcUrl);
            Assert.Equal(new[] { "avc1", "hvc1", "av01", "vp09" }, request.FourCcList);
            Assert.Empty(pair.ClientEvents.OfType<Connected>());

            pair.Server.AcceptConnect(pair.ToClient);
            pair.Pump();

            pair.ClientEvent<Connected>();
            Assert.NotNull(pair.Server.Connection);
            Assert.Equal(4096, pair.Server.OutgoingChunkSize);
            Assert.Equal(4096, pair.ServerTap.ChunkSize);
            var window = Assert.Single(pair.SentByServer, m => m.Type == MessageType.WindowAcknowledgementSize);
            Assert.Equal(5_000_000u, ProtocolControl.ReadUInt32(window.Payload.Span));
            var chunkSize = Assert.Single(pair.SentByServer, m => m.Type == MessageType.SetChunkSize);
            Assert.Equal(4096, ProtocolControl.ReadSetChunkSize(chunkSize.Payload.Span));
            // Set Peer Bandwidth is answered with the client's own window.
            Assert.Contains(pair.SentByClient, m => m.Type == MessageType.WindowAcknowledgementSize);
        }

        [Fact]
        public void Connect_rejected_reaches_the_client_as_an_error_status()
        {
            var pair = new SessionPair();
            pair.Client.Connect(pair.ToServer);
            pair.Pump();
            pair.Server.RejectConnect("No such app.", pair.ToClient);
            pair.Pump();

            Assert.Empty(pair.ClientEvents.OfType<Connected>());
            var status = pair.ClientEvent<StatusReceived>().Status;
            Assert.True(status.IsError);
            Assert.Equal(StatusCodes.ConnectRejected, status.Code);
            Assert.Null(pair.Server.Connection);
            Assert.Throws<InvalidOperationException>(() => pair.Client.Publish("x", pair.ToServer));
        }

        [Fact]
        public void Publish_flow_raises_PublishRequested_with_name_and_query_split_then_PublishStarted()
        {
            var pair = SessionPair.Connected();
            pair.Client.Publish("cam1?key=secret", pair.ToServer);
            pair.Pump();

            var names = pair.SentByClient.Where(m => m.Type == MessageType.CommandAmf0).Select(m => CommandMessage.Decode(m, WireLimits.Default).Name).ToList();
            Assert.Equal(new[] { CommandNames.ReleaseStream, CommandNames.FCPublish, CommandNames.CreateStream, CommandNames.Publish }, names);
            var request = pair.ServerEvent<PublishRequested>().Request;
            Assert.Equal("cam1", request.Name.Name);
            Assert.Equal("key=secret", request.Name.Query);
            Assert.Equal("live", request.PublishType);
            Assert.Equal(1u, request.StreamId);
            Assert.Empty(pair.ClientEvents.OfType<PublishStarted>());

            pair.Server.AcceptPublish(request, pair.ToClient);
            pair.Pump();
            Assert.Equal(1u, pair.ClientEvent<PublishStarted>().StreamId);
            Assert.True(pair.Client.IsPublishing);
            Assert.Equal(1u, pair.Client.StreamId);
        }

        [Fact]
        public void RejectPublish_with_BadName_gives_the_client_an_error_status_and_no_PublishStarted()
        {
            var pair = SessionPair.Connected();
            pair.Client.Publish("cam1", pair.ToServer);
            pair.Pump();
            var request = pair.ServerEvent<PublishRequested>().Request;
            pair.Server.RejectPublish(request, StatusInfo.Error(StatusCodes.PublishBadName, "taken"), pair.ToClient);
            pair.Pump();

            Assert.Empty(pair.ClientEvents.OfType<PublishStarted>());
            var status = Assert.Single(pair.ClientEvents.OfType<StatusReceived>(), e => e.Status.IsError).Status;
            Assert.Equal(StatusCodes.PublishBadName, status.Code);
            Assert.False(pair.Client.IsPublishing);
            Assert.Throws<InvalidOperationException>(() => pair.Client.SendMedia(new RtmpMessage(MessageType.Video, 0, 1, new byte[] { 0x17, 1 }), pair.ToServer));
        }

        [Fact]
        public void Play_flow_raises_PlayRequested_then_PlayStarted_after_StreamBegin()
        {
            var pair = SessionPair.Connected();
            pair.Client.Play("cam1?token=abc", pair.ToServer);
            pair.Pump();

            var request = pair.ServerEvent<PlayRequested>().Request;
            Assert.Equal("cam1", request.Name.Name);
            Assert.Equal("token=abc", request.Name.Query);
            Assert.Equal(-2, request.Start);
            Assert.Equal(-1, request.Duration);
            Assert.True(request.Reset);

            pair.Server.AcceptPlay(request, pair.ToClient);
            pair.Pump();
            Assert.Equal(request.StreamId, pair.ClientEvent<PlayStarted>().StreamId);
            var begin = Assert.Single(pair.ClientEvents.OfType<UserControlReceived>(), e => e.Event.Type == UserControlEventType.StreamBegin);
            Assert.Equal(request.StreamId, begin.Event.Value);
            var codes = pair.ClientEvents.OfType<StatusReceived>().Select(s => s.Status.Code).ToList();
            Assert.Equal(new[] { StatusCodes.PlayReset, StatusCodes.PlayStart }, codes);
            Assert.Contains(pair.SentByClient, m => m.Type == MessageType.UserControl && UserControlEvent.Parse(m.Payload.Span).Type == UserControlEventType.SetBufferLength);
        }

        [Fact]
        public void Play_with_explicit_start_duration_and_no_reset_is_read_as_sent()
        {
            var pair = SessionPair.Connected();
            var created = CreateStream(pair);
            SendRaw(pair, CommandMessage.Encode(created, CommandNames.Play, 0, null, "cam1", 5000.0, 2000.0, false));
            var request = pair.ServerEvent<PlayRequested>().Request;
            Assert.Equal(5000, request.Start);
            Assert.Equal(2000, request.Duration);
            Assert.False(request.Reset);
        }

        [Fact]
        public void NotifyUnpublished_ends_the_stream_on_the_client()
        {
            var pair = Playing(out var request);
            pair.Server.NotifyUnpublished(request.StreamId, "cam1", pair.ToClient);
            pair.Pump();
            var ended = Assert.Single(pair.ClientEvents.OfType<StreamEnded>());
            Assert.Equal(request.StreamId, ended.StreamId);
            Assert.Contains(ended.Reason, new[] { "StreamEOF", StatusCodes.PlayUnpublishNotify });
            Assert.Contains(pair.ClientEvents.OfType<UserControlReceived>(), e => e.Event.Type == UserControlEventType.StreamEof);
        }

        [Fact]
        public void Media_from_the_publisher_arrives_on_the_server_with_timestamps_kept()
        {
            var pair = SessionPair.Publishing();
            var video = new byte[10_000];
            video[0] = 0x17;
            video[1] = 0x01;
            new Random(1).NextBytes(video.AsSpan(2));
            pair.Client.SendMedia(new RtmpMessage(MessageType.Video, 40, 0, video), pair.ToServer);
            pair.Client.SendMedia(new RtmpMessage(MessageType.Audio, 0x00FF_FFFF + 7, 0, new byte[] { 0xAF, 0x01, 9 }), pair.ToServer);
            pair.Pump();

            var media = pair.ServerEvents.OfType<MediaReceived>().Select(e => e.Message).ToList();
            Assert.Equal(2, media.Count);
            Assert.Equal(MessageType.Video, media[0].Type);
            Assert.Equal(40u, media[0].Timestamp);
            Assert.Equal(1u, media[0].StreamId);
            Assert.Equal(video, media[0].Payload.ToArray());
            Assert.Equal(MessageType.Audio, media[1].Type);
            Assert.Equal(0x00FF_FFFFu + 7, media[1].Timestamp);
        }

        [Fact]
        public void Media_on_a_stream_that_is_not_publishing_is_not_raised()
        {
            var pair = SessionPair.Connected();
            var created = CreateStream(pair);
            SendRaw(pair, new RtmpMessage(MessageType.Video, 0, created, new byte[] { 0x17, 1, 0, 0, 0 }));
            Assert.Empty(pair.ServerEvents.OfType<MediaReceived>());
        }

        [Fact]
        public void SetDataFrame_reaches_the_host_as_onMetaData()
        {
            var pair = SessionPair.Publishing();
            var metadata = new AmfEcmaArray { { "width", 1280.0 }, { "height", 720.0 } };
            pair.Client.SendMedia(new RtmpMessage(MessageType.DataAmf0, 0, 0, Amf0Writer.Serialize(CommandNames.SetDataFrame, CommandNames.OnMetaData, metadata)), pair.ToServer);
            pair.Pump();

            var message = pair.ServerEvent<MediaReceived>().Message;
            Assert.True(DataMessage.IsMetadata(message));
            var values = Amf0Reader.ReadAll(message.Payload.Span, WireLimits.Default);
            Assert.Equal(CommandNames.OnMetaData, values[0]);
            Assert.Equal(1280.0, ((AmfObject)values[1]!).GetNumber("width"));
        }

        [Fact]
        public void Close_sends_FCUnpublish_and_deleteStream_and_the_server_raises_StreamClosed_once()
        {
            var pair = SessionPair.Publishing();
            pair.Client.Close(pair.ToServer);
            pair.Pump();

            var closed = pair.ServerEvent<StreamClosed>();
            Assert.Equal(1u, closed.StreamId);
            Assert.Equal(CommandNames.FCUnpublish, closed.Command);
            Assert.False(pair.Client.IsPublishing);
            Assert.Contains(pair.SentByServer, m => m.Type == MessageType.CommandAmf0 && CommandMessage.Decode(m, WireLimits.Default).Name == CommandNames.OnFCUnpublish);
        }

        [Fact]
        public void DeleteStream_alone_closes_a_playing_stream()
        {
            var pair = Playing(out var request);
            SendRaw(pair, CommandMessage.Encode(0, CommandNames.DeleteStream, 0, null, (double)request.StreamId));
            Assert.Equal(CommandNames.DeleteStream, pair.ServerEvent<StreamClosed>().Command);
        }

        [Fact]
        public void A_ping_from_the_server_is_answered_with_the_same_value()
        {
            var pair = SessionPair.Connected();
            SendRawToClient(pair, UserControlEvent.PingRequest(0xDEADBEEF).ToMessage());
            var response = Assert.Single(pair.SentByClient, m => m.Type == MessageType.UserControl);
            var control = UserControlEvent.Parse(response.Payload.Span);
            Assert.Equal(UserControlEventType.PingResponse, control.Type);
            Assert.Equal(0xDEADBEEFu, control.Value);
            Assert.Empty(pair.ClientEvents.OfType<UserControlReceived>());
        }

        [Fact]
        public void The_server_acknowledges_after_the_window_the_client_was_given()
        {
            // The client answers Set Peer Bandwidth with that size as its window, so the server
            // acknowledges every PeerBandwidth bytes received.
            var pair = SessionPair.Publishing(new ServerSessionOptions { PeerBandwidth = 2000 });
            Assert.DoesNotContain(pair.SentByServer, m => m.Type == MessageType.Acknowledgement);
            pair.Client.SendMedia(new RtmpMessage(MessageType.Video, 0, 0, new byte[3000]), pair.ToServer);
            pair.Pump();

            var ack = Assert.Single(pair.SentByServer, m => m.Type == MessageType.Acknowledgement);
            Assert.Equal(pair.Server.BytesReceived, ProtocolControl.ReadUInt32(ack.Payload.Span));
            Assert.True(pair.Server.BytesReceived >= 2000);
        }

        [Fact]
        public void The_client_acknowledges_after_the_window_the_server_asked_for()
        {
            var pair = Playing(out var request, new ServerSessionOptions { WindowAcknowledgementSize = 1000 });
            Assert.DoesNotContain(pair.SentByClient, m => m.Type == MessageType.Acknowledgement);
            for (var i = 0; i < 20; i++)
            {
                pair.Server.NotifyPublished(request.StreamId, "cam1", pair.ToClient);
            }

            pair.Pump();
            Assert.Contains(pair.SentByClient, m => m.Type == MessageType.Acknowledgement);
        }

        [Fact]
        public void An_answer_for_an_unknown_transaction_is_ignored()
        {
            var pair = SessionPair.Connected();
            SendRawToClient(pair, CommandMessage.Encode(0, CommandNames.Result, 99, null, 7.0));
            Assert.Equal("_result for an unknown transaction", pair.ClientEvent<CommandIgnored>().Name);
            Assert.Null(pair.Client.StreamId);
        }

        [Fact]
        public void Answers_are_matched_by_transaction_id_not_by_order()
        {
            var pair = SessionPair.Connected();
            pair.Client.Play("cam1", pair.ToServer);
            // Do not let the server answer; answer createStream (transaction 2) ourselves, after a stray one.
            var toServer = pair.ToServer.ToArray();
            pair.ToServer.Clear();
            pair.ClientTap.Decode(toServer, pair.SentByClient);
            var create = CommandMessage.Decode(Assert.Single(pair.SentByClient, m => m.Type == MessageType.CommandAmf0), WireLimits.Default);
            Assert.Equal(CommandNames.CreateStream, create.Name);
            SendRawToClient(pair, CommandMessage.Encode(0, CommandNames.Result, create.TransactionId + 5, null, 3.0), pump: false);
            Assert.Null(pair.Client.StreamId);
            SendRawToClient(pair, CommandMessage.Encode(0, CommandNames.Result, create.TransactionId, null, 4.0), pump: false);
            Assert.Equal(4u, pair.Client.StreamId);
            // The client goes on to play on the stream it was given.
            var sent = new System.Collections.Generic.List<RtmpMessage>();
            pair.ClientTap.Decode(pair.ToServer.WrittenSpan, sent);
            var play = Assert.Single(sent, m => m.Type == MessageType.CommandAmf0);
            Assert.Equal(4u, play.StreamId);
            Assert.Equal(CommandNames.Play, CommandMessage.Decode(play, WireLimits.Default).Name);
        }

        internal static SessionPair Playing(out PlayRequest request, ServerSessionOptions? options = null)
        {
            var pair = SessionPair.Connected(options);
            pair.Client.Play("cam1", pair.ToServer);
            pair.Pump();
            request = pair.ServerEvent<PlayRequested>().Request;
            pair.Server.AcceptPlay(request, pair.ToClient);
            pair.Pump();
            pair.Clear();
            return pair;
        }

        internal static uint CreateStream(SessionPair pair)
        {
            SendRaw(pair, CommandMessage.Encode(0, CommandNames.CreateStream, 50, null));
            var result = CommandMessage.Decode(pair.SentByServer.Last(m => m.Type == MessageType.CommandAmf0), WireLimits.Default);
            Assert.Equal(CommandNames.Result, result.Name);
            pair.Clear();
            return (uint)(double)result.Argument(0)!;
        }

        /// <summary>Hand-framed bytes straight to the server, as a hostile or odd client would send them.</summary>
        internal static void SendRaw(SessionPair pair, RtmpMessage message, int chunkStreamId = ChunkStreamIds.Command)
        {
            var writer = new ByteBufferWriter();
            // The client told the server its chunk size is 4096 in connect.
            ChunkEncoder.WriteSelfContained(writer, chunkStreamId, 4096, message);
            pair.Server.Receive(writer.WrittenSpan, pair.ToClient, pair.ServerEvents);
            pair.Pump();
        }

        internal static void SendRawToClient(SessionPair pair, RtmpMessage message, bool pump = true)
        {
            var writer = new ByteBufferWriter();
            ChunkEncoder.WriteSelfContained(writer, ChunkStreamIds.ProtocolControl + 20, pair.ServerTap.ChunkSize, message);
            pair.Client.Receive(writer.WrittenSpan, pair.ToServer, pair.ClientEvents);
            if (pump)
            {
                pair.Pump();
            }
        }
    }
}
