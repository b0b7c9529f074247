using System.Buffers;
using System.Linq;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Rtmp.Sessions.Events;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Tests.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp.Sessions
{
    public class ClientStreamEndOrderTests
    {
        [Fact]
        public void Frames_read_together_with_the_stream_end_are_raised_before_it()
        {
            // The server's last frames and its Stream EOF usually arrive in one read: a host that
            // stops taking media at StreamEnded must still see every frame that came before it.
            var pair = SessionPairTests.Playing(out var request);
            var frames = new[]
            {
                Frames.Key(0, 3000),
                Frames.Frame(MessageType.Audio, 10, Frames.Aac(1)),
                Frames.Inter(40, 500),
                Frames.Frame(MessageType.Audio, 45, Frames.Aac(2)),
            };
            foreach (var frame in frames)
            {
                pair.ToClient.Write(frame.Framed(request.StreamId, pair.Server.OutgoingChunkSize).Span);
            }

            pair.Server.NotifyUnpublished(request.StreamId, "cam1", pair.ToClient);
            pair.Pump();

            var ended = pair.ClientEvents.FindIndex(e => e is StreamEnded);
            Assert.True(ended >= 0);
            var before = pair.ClientEvents.Take(ended).OfType<MediaReceived>().Select(m => m.Message.Timestamp);
            Assert.Equal(new uint[] { 0, 10, 40, 45 }, before);
            Assert.Empty(pair.ClientEvents.Skip(ended).OfType<MediaReceived>());
        }

        [Fact]
        public void Frames_after_the_stream_end_in_the_same_read_are_raised_after_it()
        {
            var pair = SessionPairTests.Playing(out var request);
            pair.ToClient.Write(Frames.Key(0).Framed(request.StreamId, pair.Server.OutgoingChunkSize).Span);
            pair.Server.NotifyUnpublished(request.StreamId, "cam1", pair.ToClient);
            pair.ToClient.Write(Frames.Key(1000).Framed(request.StreamId, pair.Server.OutgoingChunkSize).Span);
            pair.Pump();

            var order = pair.ClientEvents.Where(e => e is MediaReceived || e is StreamEnded).Select(e => e is MediaReceived m ? m.Message.Timestamp.ToString() : "end");
            Assert.Equal(new[] { "0", "end", "1000" }, order);
        }
    }
}
