using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Amf;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Rtmp.Commands;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server
{
    /// <summary>
    /// A publish nothing live takes is read in batches (SO_RCVLOWAT, ReceiveBatching): these check
    /// on real loopback sockets that the batching starts, that a player ends it before it is told
    /// its play started, and that a last command is not left waiting under the mark.
    /// </summary>
    public class UnwatchedPublisherTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task An_unwatched_publish_is_read_in_batches_even_while_recorded_and_a_player_ends_them_before_its_play_starts(bool recorded)
        {
            var folder = recorded ? Directory.CreateTempSubdirectory("rtmpx-batch-").FullName : null;
            try
            {
                var log = new LogCapture();
                await using var server = Start(log, folder);
                await using var publisher = await RtmpServerTests.Publish(server, "cam1");
                using var feeding = new CancellationTokenSource();
                var feed = Feed(publisher, feeding.Token);

                await log.WaitFor(l => l.Contains("bytes wait")).WaitAsync(Timeout);
                await using var player = await RtmpServerTests.Play(server, "cam1");
                var plays = await log.WaitFor(l => l.Contains(" plays ") && l.Contains("live/cam1")).WaitAsync(Timeout);
                var lines = log.Lines.ToList();
                var unbatched = lines.FindIndex(l => l.Contains("bytes as they arrive"));

                Assert.InRange(unbatched, 0, lines.IndexOf(plays) - 1);
                Assert.Equal(20, (await RtmpServerTests.ReadFrames(player, 20)).Count);
                feeding.Cancel();
                await feed;
            }
            finally
            {
                if (folder != null)
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }

        [Fact]
        public async Task A_batched_publishers_last_command_is_read_although_fewer_bytes_than_the_mark_follow()
        {
            var log = new LogCapture();
            await using var server = Start(log, null);
            var events = new StreamEventRecorder(server);
            await using var publisher = await RtmpServerTests.Publish(server, "cam1");
            using var feeding = new CancellationTokenSource();
            var feed = Feed(publisher, feeding.Token);
            await log.WaitFor(l => l.Contains("bytes wait")).WaitAsync(Timeout);
            feeding.Cancel();
            await feed;

            // About 40 bytes against a mark of kilobytes, and the socket stays open. The quiet-publisher
            // rule has it read within a sweep or two (250 ms each); without it the bytes would wait
            // until the stream's 5-second bitrate window emptied, 5 s or more from now.
            await publisher.SendAsync(new RtmpMessage(MessageType.CommandAmf0, 0, 0, Amf0Writer.Serialize(CommandNames.DeleteStream, 0.0, null, 1.0)));

            var all = await events.WaitFor(2).WaitAsync(TimeSpan.FromSeconds(3));
            Assert.Equal("unpublished", all[1].Reason);
        }

        private static RtmpServer Start(LogCapture log, string? recordDirectory)
        {
            var server = new RtmpServer(
                new RtmpServerOptions
                {
                    Endpoint = new IPEndPoint(IPAddress.Loopback, 0),
                    Admission = LoopbackAdmission.Generous(),
                    RecordDirectory = recordDirectory,
                    Recording = new RtmpXProtect.Engine.Recording.RecordingOptions { Format = RtmpXProtect.Engine.Recording.RecordingFormat.Flv },
                },
                log.Logger);
            server.Start();
            return server;
        }

        // About 800 kbps in real time (1 KB of video every 10 ms, a keyframe a second), so the
        // stream's bitrate asks for a mark of 8 KiB once its first second is over.
        private static async Task Feed(RtmpClient publisher, CancellationToken stop)
        {
            await publisher.SendAsync(new RtmpMessage(MessageType.Video, 0, 0, Frames.AvcSequenceHeader()));
            for (uint i = 0; !stop.IsCancellationRequested; i++)
            {
                await publisher.SendAsync(new RtmpMessage(MessageType.Video, i * 10, 0, Frames.Video(i % 100 == 0, 1000, 1)));
                try
                {
                    await Task.Delay(10, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
