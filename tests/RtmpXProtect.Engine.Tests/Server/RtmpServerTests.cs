using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Amf;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Media.Flv;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Commands;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server
{
    public class RtmpServerTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

        [Fact]
        public async Task A_player_receives_metadata_headers_then_the_frames_in_order()
        {
            await using var server = Start();
            await using var publisher = await Publish(server, "cam1?key=secret");
            await using var player = await Play(server, "cam1");

            await SendStream(publisher, 1, gops: 2);
            var received = await ReadFrames(player, 3 + 2 * 5);
            Assert.Equal(MessageType.DataAmf0, received[0].Type);
            Assert.True(DataMessage.IsMetadata(received[0]));
            Assert.Equal(FrameKind.VideoConfig, MediaFrame.From(received[1]).Kind);
            Assert.Equal(FrameKind.AudioConfig, MediaFrame.From(received[2]).Kind);
            var timestamps = received.Skip(3).Select(m => m.Timestamp).ToList();
            Assert.Equal(timestamps.OrderBy(t => t), timestamps);
            Assert.Equal(FrameKind.VideoKeyFrame, MediaFrame.From(received[3]).Kind);
        }

        [Fact]
        public async Task A_late_joiner_starts_at_the_cached_keyframe()
        {
            await using var server = Start();
            await using var publisher = await Publish(server, "cam1");
            await using var first = await Play(server, "cam1");
            await SendStream(publisher, 1, gops: 2);
            await ReadFrames(first, 13);

            await using var late = await Play(server, "cam1");
            var received = await ReadFrames(late, 3 + 5);
            Assert.Equal(new[] { FrameKind.Metadata, FrameKind.VideoConfig, FrameKind.AudioConfig, FrameKind.VideoKeyFrame }, received.Take(4).Select(m => MediaFrame.From(m).Kind));
            // The second GOP starts at 1000 ms; headers are stamped with it.
            Assert.All(received.Take(4), m => Assert.Equal(1000u, m.Timestamp));
        }

        [Fact]
        public async Task A_second_publisher_is_refused_with_BadName_and_the_first_keeps_streaming()
        {
            await using var server = Start();
            await using var publisher = await Publish(server, "cam1");
            await using var player = await Play(server, "cam1");
            await using var intruder = await RtmpClient.ConnectAsync(Url(server, "cam1"));
            var e = await Assert.ThrowsAsync<RtmpStatusException>(() => intruder.PublishAsync().WaitAsync(Timeout));
            Assert.Equal(StatusCodes.PublishBadName, e.Status.Code);

            await SendStream(publisher, 1, gops: 1);
            Assert.Equal(3 + 5, (await ReadFrames(player, 8)).Count);
        }

        [Fact]
        public async Task A_player_of_an_unpublished_stream_waits_then_receives_and_ends_with_the_publish()
        {
            await using var server = Start();
            await using var player = await Play(server, "cam1");
            await using (var publisher = await Publish(server, "cam1"))
            {
                await SendStream(publisher, 1, gops: 1);
                Assert.Equal(8, (await ReadFrames(player, 8)).Count);
                await publisher.CloseAsync();
            }

            using var cts = new CancellationTokenSource(Timeout);
            await player.Received.Completion.WaitAsync(cts.Token);
        }

        [Theory]
        [InlineData("GET / HTTP/1.1\r\nHost: x\r\n\r\n", false)]
        [InlineData("garbage after the handshake, not chunks at all!", true)]
        public async Task A_peer_that_sends_garbage_is_dropped_and_others_keep_working(string garbage, bool afterHandshake)
        {
            await using var server = Start();
            await using var publisher = await Publish(server, "cam1");
            await using var player = await Play(server, "cam1");

            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(server.LocalEndPoint);
            var buffer = new byte[8192];
            if (afterHandshake)
            {
                await RawHandshake(socket);
                // A chunk header with basic-header type 0 on csid 3 and a 16 MiB length.
                await socket.SendAsync(new byte[] { 0x03, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x14, 0, 0, 0, 0 }, SocketFlags.None);
            }

            await socket.SendAsync(Encoding.ASCII.GetBytes(garbage), SocketFlags.None);
            using (var cts = new CancellationTokenSource(Timeout))
            {
                // The server closes: reads end with 0 bytes or a reset.
                try
                {
                    while (await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token) > 0)
                    {
                    }
                }
                catch (SocketException)
                {
                }
            }

            await SendStream(publisher, 1, gops: 1);
            Assert.Equal(8, (await ReadFrames(player, 8)).Count);
        }

        [Fact]
        public async Task Five_publishers_with_ten_players_each_receive_only_their_own_stream()
        {
            await using var server = Start();
            var publishers = new List<RtmpClient>();
            var players = new List<(RtmpClient Client, byte Tag)>();
            for (byte p = 1; p <= 5; p++)
            {
                publishers.Add(await Publish(server, "cam" + p));
                for (var i = 0; i < 10; i++)
                {
                    players.Add((await Play(server, "cam" + p), p));
                }
            }

            await Task.WhenAll(publishers.Select((c, i) => SendStream(c, (byte)(i + 1), gops: 2)));
            await Task.WhenAll(players.Select(async pl =>
            {
                var frames = await ReadFrames(pl.Client, 13);
                foreach (var frame in frames.Skip(3))
                {
                    Assert.Equal(pl.Tag, frame.Payload.Span[frame.Payload.Length - 1]);
                }
            }));
            foreach (var c in publishers.Concat(players.Select(p => p.Client)))
            {
                await c.DisposeAsync();
            }
        }

        [Fact]
        public async Task A_recorded_publish_becomes_one_FLV_finalised_after_the_publisher_leaves()
        {
            var directory = Path.Combine(Path.GetTempPath(), "rtmpx-rec-" + Guid.NewGuid().ToString("N"));
            try
            {
                await using var server = Start(directory);
                await using (var publisher = await Publish(server, "cam1"))
                {
                    await using var player = await Play(server, "cam1");
                    await SendStream(publisher, 1, gops: 2, firstTimestamp: 5000);
                    await ReadFrames(player, 13);
                    await publisher.CloseAsync();
                    using var cts = new CancellationTokenSource(Timeout);
                    await player.Received.Completion.WaitAsync(cts.Token);
                }

                await server.StopAsync();
                AssertRecording(directory, videoFrames: 1 + 2 * 4);
            }
            finally
            {
                Directory.Delete(directory, true);
            }
        }

        [Fact]
        public async Task Stopping_the_server_while_publishing_finalises_the_recording()
        {
            var directory = Path.Combine(Path.GetTempPath(), "rtmpx-rec-" + Guid.NewGuid().ToString("N"));
            try
            {
                var server = Start(directory);
                var publisher = await Publish(server, "cam1");
                var player = await Play(server, "cam1");
                await SendStream(publisher, 1, gops: 1);
                await ReadFrames(player, 8);
                await server.StopAsync().WaitAsync(Timeout);
                AssertRecording(directory, videoFrames: 1 + 4);
                await publisher.DisposeAsync();
                await player.DisposeAsync();
            }
            finally
            {
                Directory.Delete(directory, true);
            }
        }

        internal static void AssertRecording(string directory, int videoFrames)
        {
            var file = Assert.Single(Directory.GetFiles(directory, "*.flv", SearchOption.AllDirectories));
            using var stream = File.OpenRead(file);
            var reader = new FlvReader(stream, WireLimits.Default);
            Assert.True(reader.HasVideo);
            Assert.True(reader.HasAudio);
            var tags = new List<FlvTag>();
            while (reader.ReadTag() is FlvTag tag)
            {
                tags.Add(tag);
            }

            Assert.Equal(FlvTagType.Script, tags[0].Type);
            Assert.Equal(0u, tags[0].Timestamp);
            Assert.Equal(videoFrames, tags.Count(t => t.Type == FlvTagType.Video));
            Assert.Equal(0u, tags.First(t => t.Type == FlvTagType.Video).Timestamp);
            Assert.Equal(0, reader.PreviousTagSizeMismatches);
        }

        internal static RtmpServer Start(string? recordDirectory = null, PlayerQueuePolicy? policy = null)
        {
            var server = new RtmpServer(new RtmpServerOptions
            {
                Endpoint = new IPEndPoint(IPAddress.Loopback, 0),
                RecordDirectory = recordDirectory,
                Recording = new RtmpXProtect.Engine.Recording.RecordingOptions { Format = RtmpXProtect.Engine.Recording.RecordingFormat.Flv },
                PlayerQueue = policy ?? new PlayerQueuePolicy(),
                Admission = LoopbackAdmission.Generous(),
            });
            server.Start();
            return server;
        }

        internal static RtmpUrl Url(RtmpServer server, string stream) => RtmpUrl.Parse($"rtmp://127.0.0.1:{server.LocalEndPoint.Port}/live/{stream}");

        internal static async Task<RtmpClient> Publish(RtmpServer server, string stream)
        {
            var client = await RtmpClient.ConnectAsync(Url(server, stream));
            await client.PublishAsync().WaitAsync(Timeout);
            return client;
        }

        internal static async Task<RtmpClient> Play(RtmpServer server, string stream)
        {
            var client = await RtmpClient.ConnectAsync(Url(server, stream));
            await client.PlayAsync().WaitAsync(Timeout);
            return client;
        }

        /// <summary>Metadata, both sequence headers, then GOPs of a keyframe, audio and three inter frames, 1 s apart.</summary>
        internal static async Task SendStream(RtmpClient client, byte tag, int gops, uint firstTimestamp = 0, int frameSize = 200)
        {
            await client.SendAsync(new RtmpMessage(MessageType.DataAmf0, firstTimestamp, 0, Amf0Writer.Serialize(CommandNames.SetDataFrame, CommandNames.OnMetaData, new AmfEcmaArray { { "width", 1280.0 } })));
            await client.SendAsync(new RtmpMessage(MessageType.Video, firstTimestamp, 0, Frames.AvcSequenceHeader()));
            await client.SendAsync(new RtmpMessage(MessageType.Audio, firstTimestamp, 0, Frames.AacSequenceHeader()));
            for (var g = 0; g < gops; g++)
            {
                var t = firstTimestamp + (uint)(g * 1000);
                await client.SendAsync(new RtmpMessage(MessageType.Video, t, 0, Frames.Video(true, frameSize, tag)));
                await client.SendAsync(new RtmpMessage(MessageType.Audio, t + 10, 0, Frames.Aac(tag)));
                for (var i = 1; i <= 3; i++)
                {
                    await client.SendAsync(new RtmpMessage(MessageType.Video, t + (uint)(i * 40), 0, Frames.Video(false, frameSize, tag)));
                }
            }
        }

        internal static async Task<List<RtmpMessage>> ReadFrames(RtmpClient player, int count)
        {
            var frames = new List<RtmpMessage>();
            using var cts = new CancellationTokenSource(Timeout);
            while (frames.Count < count)
            {
                var message = await player.Received.ReadAsync(cts.Token);
                if (message.Type == MessageType.DataAmf0 && !DataMessage.IsMetadata(message))
                {
                    // |RtmpSampleAccess and the like.
                    continue;
                }

                frames.Add(message);
            }

            return frames;
        }

        internal static async Task RawHandshake(Socket socket)
        {
            var handshake = new Engine.Rtmp.Handshake.ClientHandshake(0);
            var output = new Engine.Buffers.ByteBufferWriter();
            handshake.Start(output);
            await socket.SendAsync(output.WrittenMemory, SocketFlags.None);
            output.Clear();
            var buffer = new byte[8192];
            while (!handshake.IsComplete)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None);
                Assert.True(read > 0);
                handshake.Process(buffer.AsSpan(0, read), output, out _);
                if (output.WrittenCount > 0)
                {
                    await socket.SendAsync(output.ToArray(), SocketFlags.None);
                    output.Clear();
                }
            }
        }
    }
}
