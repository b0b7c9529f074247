using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server
{
    public class StreamEventTests
    {
        [Fact]
        public async Task A_publish_raises_started_with_codec_and_size_then_stopped_unpublished_once_each()
        {
            await using var server = RtmpServerTests.Start();
            var events = new StreamEventRecorder(server);
            var publisher = await RtmpServerTests.Publish(server, "cam1?key=secret");
            await RtmpServerTests.SendStream(publisher, 1, gops: 2);
            var started = (await events.WaitFor(1))[0];

            await publisher.CloseAsync();
            var all = await events.WaitFor(2);

            Assert.Equal(StreamEventKind.StreamStarted, started.Kind);
            Assert.Equal("live/cam1", started.Path);
            Assert.Equal("127.0.0.1", started.PublisherAddress);
            Assert.Equal("h264", started.VideoCodec);
            Assert.Equal((1280, 720), (started.Width, started.Height));
            Assert.Equal("AAC-LC", started.AudioCodec);
            Assert.Null(started.Reason);
            var stopped = all[1];
            Assert.Equal(StreamEventKind.StreamStopped, stopped.Kind);
            Assert.Equal("unpublished", stopped.Reason);
            Assert.Equal(started.SessionId, stopped.SessionId);
            Assert.Equal("h264", stopped.VideoCodec);
            Assert.True(stopped.BitrateKbps > 0);
            await server.StopAsync();
            Assert.Equal(2, events.Events.Count);
        }

        [Fact]
        public async Task An_abrupt_disconnect_gives_stopped_with_reason_disconnected()
        {
            await using var server = RtmpServerTests.Start();
            var events = new StreamEventRecorder(server);
            var publisher = await RtmpServerTests.Publish(server, "cam1");
            await RtmpServerTests.SendStream(publisher, 1, gops: 1);
            await events.WaitFor(1);

            await publisher.DisposeAsync();

            var all = await events.WaitFor(2);
            Assert.Equal("disconnected", all[1].Reason);
        }

        [Fact]
        public async Task A_publish_without_media_is_still_reported_started_before_it_stops_with_the_server()
        {
            await using var server = RtmpServerTests.Start();
            var events = new StreamEventRecorder(server);
            await using var publisher = await RtmpServerTests.Publish(server, "quiet");

            await server.StopAsync();

            var all = events.Events;
            Assert.Equal(new[] { StreamEventKind.StreamStarted, StreamEventKind.StreamStopped }, all.Select(e => e.Kind));
            Assert.Null(all[0].VideoCodec);
            Assert.Equal("serverStopping", all[1].Reason);
        }

        [Fact]
        public async Task A_publisher_that_stops_sending_video_stops_with_the_timeout_name()
        {
            var admission = LoopbackAdmission.Generous();
            admission.VideoDataTimeout = TimeSpan.FromMilliseconds(500);
            await using var server = new RtmpServer(new RtmpServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0), Admission = admission });
            server.Start();
            var events = new StreamEventRecorder(server);
            await using var publisher = await RtmpServerTests.Publish(server, "cam1");
            await RtmpServerTests.SendStream(publisher, 1, gops: 1);

            var all = await events.WaitFor(2);

            Assert.Equal("videoDataTimeout", all[1].Reason);
        }

        [Fact]
        public async Task A_handler_that_throws_does_not_end_the_publish()
        {
            await using var server = RtmpServerTests.Start();
            server.StreamStarted += _ => throw new InvalidOperationException("bug");
            var events = new StreamEventRecorder(server);
            await using var publisher = await RtmpServerTests.Publish(server, "cam1");
            await using var player = await RtmpServerTests.Play(server, "cam1");

            await RtmpServerTests.SendStream(publisher, 1, gops: 1);

            Assert.Equal(8, (await RtmpServerTests.ReadFrames(player, 8)).Count);
            Assert.Single(await events.WaitFor(1));
        }
    }
}
