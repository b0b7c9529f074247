using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Status;
using RtmpXProtect.Engine.Tests.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Status
{
    public class ServerStatusTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

        [Fact]
        public async Task The_snapshot_shows_a_publisher_and_two_players_with_codec_bytes_and_no_key()
        {
            await using var server = RtmpServerTests.Start();
            await using var publisher = await RtmpServerTests.Publish(server, "cam1?key=secret");
            await using var first = await RtmpServerTests.Play(server, "cam1");
            await using var second = await RtmpServerTests.Play(server, "cam1");
            await RtmpServerTests.SendStream(publisher, 1, gops: 2);
            await RtmpServerTests.ReadFrames(first, 13);
            await RtmpServerTests.ReadFrames(second, 13);

            var status = server.GetStatus();

            var stream = Assert.Single(status.Streams);
            Assert.Equal("live/cam1", stream.Path);
            Assert.True(stream.IsPublished);
            Assert.Equal("h264", stream.VideoCodec);
            Assert.Equal("aac", stream.AudioCodec);
            Assert.Equal(2, stream.Players);
            Assert.True(stream.BytesIn > 2 * 4 * 200, $"{stream.BytesIn} bytes in");
            // Both players got every payload byte, framed.
            Assert.True(stream.BytesOut >= 2 * stream.BytesIn, $"{stream.BytesOut} out for {stream.BytesIn} in");
            Assert.Equal(3, status.Connections);
            var publishing = Assert.Single(status.Sessions, s => s.Role == SessionRole.Publisher);
            Assert.Equal(stream.PublisherSessionId, publishing.Id);
            Assert.Equal(stream.PublisherAddress, publishing.Remote);
            Assert.Equal(2, status.Sessions.Count(s => s.Role == SessionRole.Player && s.Path == "live/cam1"));
            Assert.All(status.Sessions, s => Assert.True(s.BytesIn > 0 && s.BytesOut > 0));
            Assert.Equal(Enum.GetValues(typeof(RejectionReason)).Length, status.Rejections.Count);
            Assert.DoesNotContain("secret", JsonSerializer.Serialize(status));
            Assert.DoesNotContain(MeterReading.Collect(server.Meter.Instruments), sample => sample.Tags.Values.Any(v => v.Contains("secret")));
        }

        [Fact]
        public async Task Dropping_a_session_closes_it_and_counts_the_operator_as_the_reason()
        {
            await using var server = RtmpServerTests.Start();
            await using var publisher = await RtmpServerTests.Publish(server, "cam1");
            var id = Assert.Single(server.GetStatus().Sessions).Id;

            Assert.True(server.TryDropSession(id, "test"));

            using var cts = new CancellationTokenSource(Timeout);
            await publisher.Received.Completion.WaitAsync(cts.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            Assert.False(server.TryDropSession(id + 100));
            Assert.Equal(1, server.Rejections[RejectionReason.DroppedByOperator]);
            while (server.GetStatus().Sessions.Count > 0)
            {
                await Task.Delay(10, cts.Token);
            }
        }

        [Fact]
        public void The_bitrate_window_averages_whole_seconds_and_forgets_on_restart()
        {
            var f = System.Diagnostics.Stopwatch.Frequency;
            var window = new BitrateWindow();
            window.Restart(100 * f);
            for (var s = 100; s < 110; s++)
            {
                window.Add(1000, s * f);
                window.Add(1000, (s * f) + (f / 2));
            }

            // Five whole seconds of 2000 bytes each, the current second (109) left out.
            Assert.Equal(16000, window.BitsPerSecond(109 * f));
            window.Restart(110 * f);
            Assert.Equal(0, window.BitsPerSecond(112 * f));

            // A publish one second old is averaged over that one second, not five.
            window.Add(1000, 120 * f);
            window.Restart(200 * f);
            window.Add(1000, 200 * f);
            Assert.Equal(8000, window.BitsPerSecond((201 * f) + 1));
        }
    }
}
