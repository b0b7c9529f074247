using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Server.Access;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Running;
using RtmpXProtect.Engine.Tests.Server;
using RtmpXProtect.Engine.Tests.Server.Access;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Streaming.Running
{
    public class StreamerTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

        internal static StreamerOptions Fast() => new StreamerOptions
        {
            BackoffInitial = TimeSpan.FromMilliseconds(50),
            BackoffMax = TimeSpan.FromMilliseconds(200),
            SourceStallTimeout = TimeSpan.FromSeconds(5),
            WriteTimeout = TimeSpan.FromSeconds(5),
            Random = new Random(3),
        };

        [Fact]
        public async Task A_player_gets_configs_then_a_keyframe_at_time_zero_with_silent_audio_and_the_state_reads_streaming()
        {
            await using var server = RtmpServerTests.Start();
            var source = new ScriptedSource();
            var streamer = new Streamer(Definition(Url(server, "cam1"), AudioMode.Auto), _ => source, Fast());
            var watch = Watch(streamer);
            using var stop = new CancellationTokenSource();
            var run = streamer.RunAsync(stop.Token);
            await watch.WaitFor(e => e.Kind == StreamerEventKind.Connected, Timeout);
            await using var player = await RtmpServerTests.Play(server, "cam1");
            await using (var feed = new LiveFeed(source))
            {
                var frames = await RtmpServerTests.ReadFrames(player, 40);
                var kinds = frames.Select(MediaFrame.From).ToList();
                Assert.Contains(kinds.Take(4), f => f.Kind == FrameKind.VideoConfig);
                Assert.Contains(kinds.Take(4), f => f.Kind == FrameKind.AudioConfig);
                Assert.Contains(kinds.Take(4), f => f.Kind == FrameKind.Metadata);
                var key = kinds.First(f => f.Kind == FrameKind.VideoKeyFrame);
                Assert.Equal(0u, key.Message.Timestamp);
                Assert.True(kinds.Count(f => f.Kind == FrameKind.Audio) >= 10);
                await watch.WaitFor(e => EventWatch.IsState(e, StreamerState.Streaming), Timeout);
            }

            var status = streamer.Status();
            Assert.Equal(StreamerState.Streaming, status.State);
            Assert.True(status.FramesSent > 40, "sent " + status.FramesSent);
            stop.Cancel();
            await run.WaitAsync(Timeout);
            await watch.WaitFor(e => e.Kind == StreamerEventKind.Stopped, Timeout);
            Assert.True(source.Disposed);
        }

        [Fact]
        public async Task A_stopped_destination_reads_reconnecting_and_streaming_again_once_a_server_returns_on_its_port()
        {
            var first = RtmpServerTests.Start();
            var port = first.LocalEndPoint.Port;
            var source = new ScriptedSource();
            var streamer = new Streamer(Definition($"rtmp://127.0.0.1:{port}/live/cam1", AudioMode.Silent), _ => source, Fast());
            var watch = Watch(streamer);
            using var stop = new CancellationTokenSource();
            var run = streamer.RunAsync(stop.Token);
            await using var feed = new LiveFeed(source);
            await watch.WaitFor(e => EventWatch.IsState(e, StreamerState.Streaming), Timeout);

            var reconnecting = watch.WaitForNewState(StreamerState.Reconnecting, Timeout);
            await first.DisposeAsync();
            await reconnecting;
            Assert.Equal(StreamerState.Reconnecting, streamer.Status().Destinations[0].State);

            var streamingAgain = watch.WaitForNewState(StreamerState.Streaming, Timeout);
            await using var second = new RtmpServer(new RtmpServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, port), Admission = LoopbackAdmission.Generous() });
            second.Start();
            await streamingAgain;
            await using var player = await RtmpServerTests.Play(second, "cam1");
            var frames = await RtmpServerTests.ReadFrames(player, 30);
            Assert.Contains(frames, f => MediaFrame.From(f).Kind == FrameKind.VideoKeyFrame);

            var status = streamer.Status();
            Assert.True(status.Destinations[0].Reconnects >= 1);
            Assert.NotNull(status.Destinations[0].LastError);
            var states = watch.Events.Where(e => e.Kind == StreamerEventKind.StateChanged).Select(e => e.State).ToList();
            Assert.Equal(new[] { StreamerState.Starting, StreamerState.Streaming, StreamerState.Reconnecting, StreamerState.Streaming }, states.Where(s => s != StreamerState.Connecting).Take(4));
            Assert.Contains(streamer.Log.Tail(100), l => l.Text.Contains(": Reconnecting", StringComparison.Ordinal));
            stop.Cancel();
            await run.WaitAsync(Timeout);
        }

        [Fact]
        public async Task With_one_destination_refusing_the_key_the_other_gets_every_frame_and_no_key_shows_anywhere()
        {
            var policy = AccessDeciderTests.FixedPolicy();
            var guarded = new RtmpServer(new RtmpServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0), Access = policy, Admission = LoopbackAdmission.Generous() });
            guarded.Start();
            await using var _ = guarded;
            await using var open = RtmpServerTests.Start();
            var refusedUrl = $"rtmp://127.0.0.1:{guarded.LocalEndPoint.Port}/live/cam1?key=WRONGSECRETKEY";
            var goodUrl = Url(open, "GOODSECRETKEY");
            var definition = Definition(goodUrl, AudioMode.None);
            definition.Destinations.Add(new DestinationDefinition { Url = refusedUrl });
            var source = new ScriptedSource();
            var streamer = new Streamer(definition, _ => source, Fast());
            var watch = Watch(streamer);
            using var stop = new CancellationTokenSource();
            var run = streamer.RunAsync(stop.Token);
            await watch.WaitFor(e => e.Kind == StreamerEventKind.Connected, Timeout);
            await watch.WaitFor(e => e.Kind == StreamerEventKind.Error && e.Destination != null, Timeout);
            await using var player = await RtmpServerTests.Play(open, "GOODSECRETKEY");

            source.Push(Frames.Frame(MessageType.Video, 0, Frames.AvcSequenceHeader()));
            const int Count = 200;
            for (var i = 0; i < Count; i++)
            {
                source.Push(i % 25 == 0 ? Frames.Key((uint)(i * 40)) : Frames.Inter((uint)(i * 40)));
            }

            var frames = await RtmpServerTests.ReadFrames(player, Count + 1);
            Assert.Equal(Count, frames.Count(f => f.Type == MessageType.Video) - 1);
            Assert.Equal(Enumerable.Range(0, Count).Select(i => (uint)(i * 40)), frames.Where(f => MediaFrame.From(f).Kind != FrameKind.VideoConfig).Select(f => f.Timestamp));

            var status = streamer.Status();
            Assert.Equal(StreamerState.Streaming, status.State);
            Assert.Equal(StreamerState.Streaming, status.Destinations[0].State);
            Assert.Equal(0, status.Destinations[0].FramesDropped);
            Assert.Equal(StreamerState.Error, status.Destinations[1].State);
            Assert.Contains("refused", status.Destinations[1].LastError, StringComparison.Ordinal);

            stop.Cancel();
            await run.WaitAsync(Timeout);
            var everything = string.Join("\n", streamer.Log.Tail(1000).Select(l => l.Text))
                + JsonSerializer.Serialize(status)
                + JsonSerializer.Serialize(watch.Events);
            Assert.DoesNotContain("SECRETKEY", everything, StringComparison.Ordinal);
            Assert.Contains("/live/****", everything, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_source_that_stops_sending_reads_source_stalled_and_recovers_when_frames_return()
        {
            await using var server = RtmpServerTests.Start();
            var source = new ScriptedSource();
            var options = Fast();
            options.SourceStallTimeout = TimeSpan.FromMilliseconds(500);
            var streamer = new Streamer(Definition(Url(server, "cam1"), AudioMode.Silent), _ => source, options);
            var watch = Watch(streamer);
            using var stop = new CancellationTokenSource();
            var run = streamer.RunAsync(stop.Token);
            source.Push(Frames.Frame(MessageType.Video, 0, Frames.AvcSequenceHeader()));
            source.Push(Frames.Key(0));
            await watch.WaitFor(e => e.Kind == StreamerEventKind.Error && e.Message == "source stalled", Timeout);
            Assert.Equal(StreamerState.Error, streamer.Status().State);
            Assert.Equal("source stalled", streamer.Status().Reason);

            var recovered = watch.WaitForNewState(StreamerState.Streaming, Timeout);
            await using (new LiveFeed(source))
            {
                await recovered;
            }

            Assert.Contains(streamer.Log.Tail(100), l => l.Level == "ERR" && l.Text.Contains("Source stalled", StringComparison.Ordinal));
            stop.Cancel();
            await run.WaitAsync(Timeout);
        }

        [Fact]
        public async Task A_source_that_ends_is_reopened_and_destinations_stay_connected()
        {
            await using var server = RtmpServerTests.Start();
            var source = new ScriptedSource();
            var streamer = new Streamer(Definition(Url(server, "cam1"), AudioMode.None), _ => source, Fast());
            var watch = Watch(streamer);
            using var stop = new CancellationTokenSource();
            var run = streamer.RunAsync(stop.Token);
            await watch.WaitFor(e => e.Kind == StreamerEventKind.Connected, Timeout);
            source.Push(Frames.Key(0));
            source.End();
            await watch.WaitFor(e => e.Kind == StreamerEventKind.Error && e.Message == "source ended", Timeout);
            Assert.Equal(StreamerState.Reconnecting, streamer.Status().State);
            Assert.Equal("source ended", streamer.Status().Reason);
            var again = watch.WaitForNewState(StreamerState.Streaming, Timeout);
            await using (new LiveFeed(source))
            {
                await again;
            }

            Assert.True(source.Openings >= 2);
            Assert.Equal(1, watch.Events.Count(e => e.Kind == StreamerEventKind.Connected));
            stop.Cancel();
            await run.WaitAsync(Timeout);
        }

        [Fact]
        public async Task A_stop_right_after_the_source_ended_still_sends_every_frame_it_had_read()
        {
            const int Count = 200;
            await using var server = RtmpServerTests.Start();
            var source = new ScriptedSource();
            var options = Fast();
            options.DestinationQueueLength = Count;
            var streamer = new Streamer(Definition(Url(server, "cam1"), AudioMode.None), _ => source, options);
            var watch = Watch(streamer);
            using var stop = new CancellationTokenSource();
            var run = streamer.RunAsync(stop.Token);
            await watch.WaitFor(e => e.Kind == StreamerEventKind.Connected, Timeout);
            var videos = 0;
            var arrived = new FrameWaiter(frame => frame.Message.Type == MessageType.Video && Interlocked.Increment(ref videos) == Count);
            server.Hub.Subscribe("live/cam1", arrived);

            // 12.8 MB read at once, as a file's tail is: most of it is still queued when the stop comes.
            source.Push(Frames.Key(0, 64 * 1024));
            for (var i = 1; i < Count; i++)
            {
                source.Push(Frames.Inter((uint)(i * 40), 64 * 1024));
            }

            source.End();
            await watch.WaitFor(e => e.Kind == StreamerEventKind.Error && e.Message == "source ended", Timeout);
            stop.Cancel();
            await run.WaitAsync(Timeout);

            var status = streamer.Status().Destinations[0];
            await Task.WhenAny(arrived.Seen, Task.Delay(Timeout));
            Assert.True(arrived.Seen.IsCompleted, $"{Volatile.Read(ref videos)} of {Count} frames arrived; {status.FramesSent} sent, {status.FramesDropped} dropped");
            Assert.Equal(0, status.FramesDropped);
        }

        [Fact]
        public async Task RequireH264_turns_an_hevc_source_into_an_error()
        {
            await using var server = RtmpServerTests.Start();
            var source = new ScriptedSource();
            var definition = Definition(Url(server, "cam1"), AudioMode.None);
            definition.Video = VideoCodecPolicy.RequireH264;
            var streamer = new Streamer(definition, _ => source, Fast());
            var watch = Watch(streamer);
            using var stop = new CancellationTokenSource();
            var run = streamer.RunAsync(stop.Token);
            var hevcKey = new byte[12];
            Engine.Media.VideoTagHeader.WriteEnhanced(hevcKey, Engine.Media.VideoFrameType.Key, Engine.Media.FourCc.Hvc1, Engine.Media.VideoPacketKind.CodedFrames, 0);
            source.Push(Frames.Frame(MessageType.Video, 0, hevcKey));
            var error = await watch.WaitFor(e => e.Kind == StreamerEventKind.Error && e.Destination == null, Timeout);
            Assert.Equal("source failed: video is Hevc, and the stream requires H.264", error.Message);
            Assert.Equal(StreamerState.Error, streamer.Status().State);
            stop.Cancel();
            await run.WaitAsync(Timeout);
        }

        [Fact]
        public async Task A_destination_that_takes_no_bytes_is_a_stall_and_the_source_keeps_flowing_to_the_others()
        {
            await using var server = RtmpServerTests.Start();
            await using var proxy = new StallingProxy(server.LocalEndPoint.Port);
            var definition = Definition($"rtmp://127.0.0.1:{proxy.Port}/live/slow", AudioMode.None);
            definition.Destinations.Add(new DestinationDefinition { Url = Url(server, "fast") });
            var source = new ScriptedSource();
            var options = Fast();
            options.WriteTimeout = TimeSpan.FromMilliseconds(500);
            options.DestinationQueueLength = 16;
            var streamer = new Streamer(definition, _ => source, options);
            var watch = Watch(streamer);
            using var stop = new CancellationTokenSource();
            var run = streamer.RunAsync(stop.Token);
            await watch.WaitFor(e => e.Kind == StreamerEventKind.Connected && e.Destination!.Contains(proxy.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), Timeout);
            await watch.WaitFor(e => e.Kind == StreamerEventKind.Connected && e.Destination!.Contains(server.LocalEndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), Timeout);
            proxy.Stall();

            // 64 MB of keyframes: far more than the loopback socket buffers hold.
            var stalled = watch.WaitFor(e => e.Kind == StreamerEventKind.Error && e.Message.StartsWith("destination stalled", StringComparison.Ordinal), Timeout);
            for (var i = 0; i < 256 && !stalled.IsCompleted; i++)
            {
                source.Push(Frames.Key((uint)(i * 40), 256 * 1024));
                await Task.Yield();
            }

            var error = await stalled;
            Assert.Contains(proxy.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Destination, StringComparison.Ordinal);
            var status = streamer.Status();
            Assert.True(status.Destinations[0].FramesDropped > 0, "the stalled destination dropped nothing");
            Assert.Equal(StreamerState.Streaming, status.Destinations[1].State);

            // The burst outran both queues, so what each sent so far says little; what matters is that
            // frames pushed now still reach the healthy destination's server. Pushed again while the
            // burst drains, since a full queue drops the newest.
            var marker = Frames.Key(20_000, 1000).Message.Payload.Length;
            var arrived = new FrameWaiter(frame => frame.Message.Payload.Length == marker);
            server.Hub.Subscribe("live/fast", arrived);
            for (var i = 0; !arrived.Seen.IsCompleted; i++)
            {
                Assert.True(i < 100, "no frame pushed after the stall reached the healthy destination");
                source.Push(Frames.Key((uint)(20_000 + i * 40), 1000));
                await Task.WhenAny(arrived.Seen, Task.Delay(100));
            }

            stop.Cancel();
            await run.WaitAsync(Timeout);
        }

        internal static StreamDefinition Definition(string url, AudioMode audio) => new StreamDefinition
        {
            Name = "test",
            Source = "scripted",
            Audio = audio,
            Destinations = { new DestinationDefinition { Url = url } },
        };

        internal static string Url(RtmpServer server, string stream) => $"rtmp://127.0.0.1:{server.LocalEndPoint.Port}/live/{stream}";

        internal static EventWatch Watch(Streamer streamer)
        {
            var watch = new EventWatch();
            streamer.EventRaised += watch.Add;
            return watch;
        }

        /// <summary>Completes <see cref="Seen"/> at the first live frame that matches.</summary>
        private sealed class FrameWaiter : IMediaSink
        {
            private readonly Func<MediaFrame, bool> _match;
            private readonly TaskCompletionSource<bool> _seen = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

            public FrameWaiter(Func<MediaFrame, bool> match)
            {
                _match = match;
            }

            public Task Seen => _seen.Task;

            public void OnStart(System.Collections.Generic.IReadOnlyList<MediaFrame> cached, bool newPublisher)
            {
            }

            public void OnFrame(MediaFrame frame)
            {
                if (_match(frame))
                {
                    _seen.TrySetResult(true);
                }
            }

            public void OnStop()
            {
            }
        }
    }
}
