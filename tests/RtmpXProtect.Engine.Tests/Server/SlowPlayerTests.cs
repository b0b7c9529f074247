using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using Xunit;
using Xunit.Abstractions;

namespace RtmpXProtect.Engine.Tests.Server
{
    public class SlowPlayerTests
    {
        private const int MaxGops = 200;
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
        private readonly ITestOutputHelper _output;

        public SlowPlayerTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task A_player_that_stops_reading_is_disconnected_as_too_slow_and_nobody_else_is_disturbed(bool video)
        {
            var log = new LogCapture();
            await using var server = Start(log);
            await using var publisher = await RtmpServerTests.Publish(server, "cam1");
            using var slow = await RawPlayer.PlayAsync(server, "cam1");
            await using var healthy = await RtmpServerTests.Play(server, "cam1");
            var feed = new LockstepFeed(publisher, healthy, video);
            var tooSlow = log.WaitFor(l => l.Contains("PlayerTooSlow"));

            await feed.SendHeadersAsync();
            var gops = 0;
            while (!tooSlow.IsCompleted && gops++ < MaxGops)
            {
                await feed.SendGopAsync(() => tooSlow.IsCompleted);
            }

            Assert.True(tooSlow.IsCompleted, $"The stalled player was not cut off after {MaxGops} GOPs.");
            Assert.True(await slow.ReadToEndAsync(), "The stalled player's socket was not closed.");
            var disconnected = await log.WaitFor(l => l.Contains("disconnected after") && l.Contains("PlayerTooSlow")).WaitAsync(Timeout);
            _output.WriteLine(string.Join(Environment.NewLine, log.Lines.Where(l => l.Contains("behind") || l.Contains("PlayerTooSlow"))));
            _output.WriteLine($"{feed.Sent.Count} frames sent in {gops} GOPs before the cut");

            // The publisher keeps publishing and the healthy player keeps up after the cut.
            await feed.SendGopAsync();
            Assert.Equal(feed.Sent, feed.HealthyReceived);
            Assert.Equal(1, server.Hub.Find("live/cam1")?.SinkCount);
            Assert.DoesNotContain(log.Lines, l => l.Contains("stopped publishing"));
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task A_player_that_stalls_briefly_resumes_at_a_keyframe_and_stays_connected(bool video)
        {
            var log = new LogCapture();
            await using var server = Start(log);
            await using var publisher = await RtmpServerTests.Publish(server, "cam1");
            using var stalled = await RawPlayer.PlayAsync(server, "cam1");
            await using var healthy = await RtmpServerTests.Play(server, "cam1");
            var feed = new LockstepFeed(publisher, healthy, video);
            var behind = log.WaitFor(l => l.Contains("falls behind"));

            await feed.SendHeadersAsync();
            var gops = 0;
            while (!behind.IsCompleted && gops++ < MaxGops)
            {
                await feed.SendGopAsync(() => behind.IsCompleted);
            }

            Assert.True(behind.IsCompleted, $"The stalled player never fell behind in {MaxGops} GOPs.");
            await feed.FinishGopAsync(3);
            var sentWhileStalled = feed.Sent.Count;

            // Reading again; after two pings everything queued before them has been read.
            await stalled.PingAsync(1);
            await stalled.PingAsync(2);
            var caughtUp = log.WaitFor(l => l.Contains("caught up"));
            await feed.SendGopAsync();
            await feed.SendGopAsync();
            await caughtUp.WaitAsync(Timeout);
            await stalled.PingAsync(3);

            var media = stalled.Media.Where(m => !LockstepFeed.IsConfig(m)).ToList();
            var sequence = media.Select(LockstepFeed.SequenceOf).ToList();
            Assert.Equal(sequence.OrderBy(s => s), sequence);
            var gap = Enumerable.Range(1, sequence.Count - 1).First(i => sequence[i] != sequence[i - 1] + 1);
            var dropped = feed.Sent.Count - sequence.Count;
            _output.WriteLine(string.Join(Environment.NewLine, log.Lines.Where(l => l.Contains("behind") || l.Contains("caught up"))));
            _output.WriteLine($"{feed.Sent.Count} frames sent, {sequence.Count} received by the stalled player, {dropped} dropped from #{sequence[gap - 1] + 1} to #{sequence[gap] - 1}");

            Assert.True(dropped > 0);
            Assert.True(sequence[gap - 1] < sentWhileStalled);
            if (video)
            {
                Assert.True(LockstepFeed.IsKeyFrame(media[gap]), "The first frame after the gap is not a keyframe.");
            }

            // After the gap nothing more is lost: the last GOP arrived whole.
            Assert.Equal(feed.Sent.Skip(feed.Sent.IndexOf(sequence[gap])), sequence.Skip(gap));
            Assert.Equal(feed.Sent, feed.HealthyReceived);
            Assert.DoesNotContain(log.Lines, l => l.Contains("PlayerTooSlow"));
            Assert.Equal(3, server.ConnectionCount);
        }

        private static RtmpServer Start(LogCapture log)
        {
            var server = new RtmpServer(
                new RtmpServerOptions
                {
                    Endpoint = new IPEndPoint(IPAddress.Loopback, 0),
                    PlayerQueue = new PlayerQueuePolicy { SkipAboveBytes = 256 * 1024, DisconnectAboveBytes = 2 * 1024 * 1024, MaxKeyFramesSkipped = 3 },
                },
                log.Logger);
            server.Start();
            return server;
        }
    }
}
