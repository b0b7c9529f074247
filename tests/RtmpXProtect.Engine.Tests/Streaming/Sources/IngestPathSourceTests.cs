using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Streaming.Sources;
using RtmpXProtect.Engine.Tests.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Streaming.Sources
{
    public class IngestPathSourceTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

        [Fact]
        public async Task Waits_for_a_publisher_yields_its_frames_and_ends_when_it_unpublishes()
        {
            var hub = new StreamHub();
            var subscribed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            hub.Subscribed += _ => subscribed.TrySetResult(true);
            var source = new IngestPathSource(hub, "live/cam1");
            using var cancel = new CancellationTokenSource(Timeout);
            var reading = ReadAll(source, cancel.Token);

            await subscribed.Task.WaitAsync(Timeout);
            var publisher = new object();
            var stream = hub.TryPublish("live/cam1", publisher)!;
            stream.Deliver(Frames.Frame(MessageType.Video, 0, Frames.AvcSequenceHeader()), WireLimits.Default);
            stream.Deliver(Frames.Key(0), WireLimits.Default);
            stream.Deliver(Frames.Frame(MessageType.Audio, 10, Frames.Aac(1)), WireLimits.Default);
            stream.Deliver(Frames.Inter(40), WireLimits.Default);
            hub.Unpublish(stream, publisher);

            var frames = await reading.WaitAsync(Timeout);
            Assert.Equal(new[] { FrameKind.VideoConfig, FrameKind.VideoKeyFrame, FrameKind.Audio, FrameKind.Video }, frames.Select(f => f.Kind));
            Assert.Equal(new uint[] { 0, 0, 10, 40 }, frames.Select(f => f.Message.Timestamp));
            Assert.Equal(0, stream.SinkCount);
        }

        [Fact]
        public async Task Joining_a_live_stream_starts_with_its_cached_headers_and_GOP()
        {
            var hub = new StreamHub();
            var publisher = new object();
            var stream = hub.TryPublish("live/cam1", publisher)!;
            stream.Deliver(Frames.Frame(MessageType.Video, 0, Frames.AvcSequenceHeader()), WireLimits.Default);
            stream.Deliver(Frames.Key(0), WireLimits.Default);
            stream.Deliver(Frames.Inter(40), WireLimits.Default);

            var source = new IngestPathSource(hub, "live/cam1");
            using var cancel = new CancellationTokenSource(Timeout);
            var frames = new List<MediaFrame>();
            await foreach (var frame in source.ReadAsync(cancel.Token))
            {
                frames.Add(frame);
                if (frames.Count == 3)
                {
                    break;
                }
            }

            Assert.Equal(new[] { FrameKind.VideoConfig, FrameKind.VideoKeyFrame, FrameKind.Video }, frames.Select(f => f.Kind));
            Assert.Equal(0, stream.SinkCount);
        }

        [Fact]
        public async Task A_reader_that_lags_loses_frames_up_to_the_next_keyframe_and_the_queue_stays_bounded()
        {
            var hub = new StreamHub();
            var source = new IngestPathSource(hub, "live/cam1", capacity: 16);
            using var cancel = new CancellationTokenSource(Timeout);
            var publisher = new object();
            var stream = hub.TryPublish("live/cam1", publisher)!;
            stream.Deliver(Frames.Frame(MessageType.Video, 0, Frames.AvcSequenceHeader()), WireLimits.Default);
            await using var reader = source.ReadAsync(cancel.Token).GetAsyncEnumerator();
            Assert.True(await reader.MoveNextAsync().AsTask().WaitAsync(Timeout));
            var phase1 = new List<MediaFrame> { reader.Current };

            // 30 frames (keys at 0, 10, 20) while nothing is read: 16 fit, 14 are dropped.
            for (int i = 0; i < 30; i++)
            {
                stream.Deliver(Frame(i), WireLimits.Default);
            }

            for (int i = 0; i < 16; i++)
            {
                Assert.True(await reader.MoveNextAsync().AsTask().WaitAsync(Timeout));
                phase1.Add(reader.Current);
            }

            Assert.Equal(FrameKind.VideoConfig, phase1[0].Kind);
            Assert.Equal(Enumerable.Range(0, 16).Select(i => (uint)(i * 40)), phase1.Skip(1).Select(f => f.Message.Timestamp));
            Assert.Equal(14, source.DroppedFrames);

            // Room again, but the next frames depend on dropped ones: they go too, up to the keyframe at 40.
            for (int i = 31; i < 46; i++)
            {
                stream.Deliver(Frame(i), WireLimits.Default);
            }

            hub.Unpublish(stream, publisher);
            var phase2 = new List<MediaFrame>();
            while (await reader.MoveNextAsync().AsTask().WaitAsync(Timeout))
            {
                phase2.Add(reader.Current);
            }

            Assert.Equal(FrameKind.VideoKeyFrame, phase2[0].Kind);
            Assert.Equal(Enumerable.Range(40, 6).Select(i => (uint)(i * 40)), phase2.Select(f => f.Message.Timestamp));
            Assert.Equal(14 + 9, source.DroppedFrames);
        }

        [Fact]
        public void The_description_masks_the_stream_name()
        {
            var source = new IngestPathSource(new StreamHub(), "live/secret-key-123");
            Assert.Equal("ingest path live/****", source.Description);
            Assert.DoesNotContain("secret", source.Description);
        }

        private static MediaFrame Frame(int i) => i % 10 == 0 ? Frames.Key((uint)(i * 40)) : Frames.Inter((uint)(i * 40));

        private static async Task<List<MediaFrame>> ReadAll(IngestPathSource source, CancellationToken cancellationToken)
        {
            var frames = new List<MediaFrame>();
            await foreach (var frame in source.ReadAsync(cancellationToken))
            {
                frames.Add(frame);
            }

            return frames;
        }
    }
}
