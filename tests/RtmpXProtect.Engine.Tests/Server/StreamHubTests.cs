using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server
{
    public class StreamHubTests
    {
        [Fact]
        public void A_second_publisher_is_refused_while_the_first_holds_the_stream()
        {
            var hub = new StreamHub();
            var first = new object();
            var stream = hub.TryPublish("live/cam1", first);
            Assert.NotNull(stream);
            Assert.Null(hub.TryPublish("live/cam1", new object()));
            Assert.True(stream!.IsPublished);

            hub.Unpublish(stream, new object());
            Assert.True(stream.IsPublished);
            hub.Unpublish(stream, first);
            Assert.NotNull(hub.TryPublish("live/cam1", new object()));
        }

        [Fact]
        public void A_late_subscriber_starts_with_the_cached_headers_and_GOP()
        {
            var hub = new StreamHub();
            var stream = hub.TryPublish("live/cam1", this)!;
            stream.Deliver(Frames.Frame(MessageType.Video, 0, Frames.AvcSequenceHeader()), WireLimits.Default);
            stream.Deliver(Frames.Key(0), WireLimits.Default);
            stream.Deliver(Frames.Inter(40), WireLimits.Default);

            var sink = new RecordingSink();
            Assert.Same(stream, hub.Subscribe("live/cam1", sink));
            var start = Assert.Single(sink.Starts);
            Assert.False(start.NewPublisher);
            Assert.Equal(new[] { FrameKind.VideoConfig, FrameKind.VideoKeyFrame, FrameKind.Video }, start.Cached.Select(f => f.Kind));
            Assert.StartsWith("H.264", stream.VideoDescription);

            stream.Deliver(Frames.Inter(80), WireLimits.Default);
            Assert.Equal(80u, Assert.Single(sink.Frames).Message.Timestamp);
            Assert.Equal(4, stream.FramesReceived);
        }

        [Fact]
        public void Deliver_says_whether_anything_kept_the_frame_and_the_cache_keeps_copies_only()
        {
            var hub = new StreamHub();
            var stream = hub.TryPublish("live/cam1", this)!;
            Assert.True(stream.Deliver(Frames.Frame(MessageType.Video, 0, Frames.AvcSequenceHeader()), WireLimits.Default));
            var key = Frames.Key(0);
            Assert.False(stream.Deliver(key, WireLimits.Default));
            var inter = Frames.Inter(40);
            Assert.False(stream.Deliver(inter, WireLimits.Default));

            // What the publisher's connection does with a frame nothing kept: its array is reused.
            var keyBytes = key.Message.Payload.ToArray();
            System.Runtime.InteropServices.MemoryMarshal.AsMemory(key.Message.Payload).Span.Fill(0xEE);
            System.Runtime.InteropServices.MemoryMarshal.AsMemory(inter.Message.Payload).Span.Fill(0xEE);

            var sink = new RecordingSink();
            hub.Subscribe("live/cam1", sink);
            var cached = Assert.Single(sink.Starts).Cached;
            Assert.Equal(keyBytes, cached[1].Message.Payload.ToArray());
            Assert.DoesNotContain(cached[2].Message.Payload.ToArray(), b => b == 0xEE);

            Assert.True(stream.Deliver(Frames.Inter(80), WireLimits.Default));
        }

        [Fact]
        public void A_frame_only_players_take_is_not_kept_but_headers_are_and_so_is_what_another_sink_takes()
        {
            var hub = new StreamHub();
            var stream = hub.TryPublish("live/cam1", this)!;
            hub.Subscribe("live/cam1", new PlayerLikeSink());
            Assert.True(stream.Deliver(Frames.Frame(MessageType.Video, 0, Frames.AvcSequenceHeader()), WireLimits.Default));
            Assert.False(stream.Deliver(Frames.Key(0), WireLimits.Default));
            Assert.False(stream.Deliver(Frames.Inter(40), WireLimits.Default));

            hub.Subscribe("live/cam1", new RecordingSink());
            Assert.True(stream.Deliver(Frames.Inter(80), WireLimits.Default));
        }

        [Fact]
        public void A_waiting_subscriber_is_started_when_a_publisher_arrives_and_stopped_when_it_leaves()
        {
            var hub = new StreamHub();
            var sink = new RecordingSink();
            var waiting = hub.Subscribe("live/cam1", sink);
            Assert.Empty(sink.Starts);
            Assert.False(waiting.IsPublished);

            var publisher = new object();
            var stream = hub.TryPublish("live/cam1", publisher);
            Assert.Same(waiting, stream);
            var start = Assert.Single(sink.Starts);
            Assert.True(start.NewPublisher);
            Assert.Empty(start.Cached);

            hub.Unpublish(stream!, publisher);
            Assert.Equal(1, sink.Stops);
            // The player stays and waits for the next publisher.
            Assert.Same(stream, hub.Find("live/cam1"));
            Assert.Equal(1, stream!.SinkCount);
        }

        [Fact]
        public void An_idle_stream_is_removed_from_Streams()
        {
            var hub = new StreamHub();
            var sink = new RecordingSink();
            var publisher = new object();
            var stream = hub.TryPublish("live/a", publisher)!;
            hub.Subscribe("live/a", sink);
            Assert.Single(hub.Streams);
            hub.Unpublish(stream, publisher);
            Assert.Single(hub.Streams);
            hub.Unsubscribe(stream, sink);
            Assert.Empty(hub.Streams);
            Assert.Null(hub.Find("live/a"));

            // A new publish of the name gets a fresh stream, not the retired one.
            var again = hub.TryPublish("live/a", publisher);
            Assert.NotSame(stream, again);
        }

        [Fact]
        public void Concurrent_publish_subscribe_and_leave_never_throw_and_leave_no_stream_behind()
        {
            var hub = new StreamHub();
            var keys = new[] { "live/a", "live/b", "live/c" };
            var errors = new List<Exception>();
            var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
            {
                var random = new Random(t);
                try
                {
                    for (var i = 0; i < 3000; i++)
                    {
                        var key = keys[random.Next(keys.Length)];
                        if (random.Next(2) == 0)
                        {
                            var publisher = new object();
                            var stream = hub.TryPublish(key, publisher);
                            if (stream != null)
                            {
                                stream.Deliver(Frames.Key((uint)i), WireLimits.Default);
                                hub.Unpublish(stream, publisher);
                            }
                        }
                        else
                        {
                            var sink = new RecordingSink();
                            var stream = hub.Subscribe(key, sink);
                            hub.Unsubscribe(stream, sink);
                        }
                    }
                }
                catch (Exception e)
                {
                    lock (errors)
                    {
                        errors.Add(e);
                    }
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => Assert.True(t.Join(TimeSpan.FromSeconds(60))));

            Assert.Empty(errors);
            Assert.Empty(hub.Streams);
        }

        private sealed class RecordingSink : IMediaSink
        {
            public List<(IReadOnlyList<MediaFrame> Cached, bool NewPublisher)> Starts { get; } = new List<(IReadOnlyList<MediaFrame>, bool)>();

            public List<MediaFrame> Frames { get; } = new List<MediaFrame>();

            public int Stops { get; private set; }

            public void OnStart(IReadOnlyList<MediaFrame> cached, bool newPublisher) => Starts.Add((cached.ToList(), newPublisher));

            public void OnFrame(MediaFrame frame) => Frames.Add(frame);

            public void OnStop() => Stops++;
        }
    }
}
