using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Buffers;
using RtmpXProtect.Engine.Rtmp.Handshake;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Rtmp.Sessions;
using RtmpXProtect.Engine.Rtmp.Sessions.Events;
using RtmpXProtect.Engine.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server
{
    public class PlayStartTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

        /// <summary>
        /// A player told Play.Start hears of every publish that starts after it. Here a publisher
        /// publishes a frame and leaves on another thread while the server is still writing the
        /// player's Play.Start (the write blocks until that publish is over or the publisher waits
        /// for the stream): a server that subscribes the player only after Play.Start is out lets
        /// the whole publish pass, and the player waits for a publisher for good, with neither the
        /// frame nor Stream EOF / UnpublishNotify. What StreamEndTests hit on a loaded machine,
        /// where the server's thread lost the CPU right after writing Play.Start.
        /// </summary>
        [Fact]
        public async Task A_publish_that_starts_and_ends_while_Play_Start_is_being_written_reaches_the_player()
        {
            await using var server = new RtmpServer(new RtmpServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0) });

            // Once on another stream first: JIT and first-use locks on the publish path must not
            // pass for the publisher waiting on the player's stream.
            Publish(server, "live/warmup");

            Thread? publisher = null;
            var player = new MemoryPlayer("cam");
            player.PlayStarted = () =>
            {
                publisher = new Thread(() => Publish(server, "live/cam")) { IsBackground = true };
                publisher.Start();
                // Done: the publish passed while Play.Start was out. Blocked (WaitSleepJoin): it waits
                // for the stream's lock, which the player's subscribe holds. The cap only bounds a
                // run whose publisher is neither, and then the test still passes or fails on the result.
                var waited = Stopwatch.StartNew();
                while (publisher.IsAlive && (publisher.ThreadState & System.Threading.ThreadState.WaitSleepJoin) == 0 && waited.Elapsed < Timeout)
                {
                    Thread.Yield();
                }
            };

            var admission = new ConnectionAdmission(new AdmissionLimits());
            admission.TryAdmit(IPAddress.Parse("192.0.2.1"), server.Now, out var ticket, out _);
            var connection = new RtmpConnection(server, player, 1, ticket!);
            var run = connection.RunAsync(CancellationToken.None);

            var ended = await Task.WhenAny(player.Ended, Task.Delay(Timeout));
            publisher?.Join(Timeout);
            player.Close();
            await run.WaitAsync(Timeout);

            Assert.True(publisher != null, "the server never sent Play.Start");
            Assert.True(ended == player.Ended, "the player never heard of the publish that started after its Play.Start");
            var order = player.Events
                .Where(e => e is PlayStarted || e is StreamEnded || (e is MediaReceived media && media.Message.Type == MessageType.Video))
                .Select(e => e is MediaReceived m ? m.Message.Type + " " + m.Message.Timestamp : e.GetType().Name);
            Assert.Equal(new[] { nameof(PlayStarted), "Video 0", nameof(StreamEnded) }, order);
        }

        // A whole publish, as a publisher's connection drives the hub: start, one keyframe, stop.
        private static void Publish(RtmpServer server, string key)
        {
            var publisher = new object();
            var stream = server.Hub.TryPublish(key, publisher) ?? throw new InvalidOperationException(key + " is already published");
            stream.Deliver(MediaFrame.From(new RtmpMessage(MessageType.Video, 0, 1, Frames.Video(true, 100, 1))), server.Options.Limits);
            server.Hub.Unpublish(stream, publisher);
        }

        /// <summary>
        /// A player in memory: the connection's reads come from its client session, and what the
        /// connection writes is handed to that session inside the write, on the writing thread.
        /// </summary>
        private sealed class MemoryPlayer : IConnectionTransport
        {
            private readonly string _stream;
            private readonly Channel<byte[]> _toServer = Channel.CreateUnbounded<byte[]>();
            private readonly ClientHandshake _handshake = new ClientHandshake(0);
            private readonly ClientSession _session = new ClientSession(new ClientSessionOptions("live", "rtmp://localhost/live"));
            private readonly ByteBufferWriter _output = new ByteBufferWriter();
            private readonly List<SessionEvent> _events = new List<SessionEvent>();
            private readonly TaskCompletionSource<bool> _ended = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            private byte[]? _reading;
            private int _readAt;

            public MemoryPlayer(string stream)
            {
                _stream = stream;
                _handshake.Start(_output);
                SendOutput();
            }

            /// <summary>Runs inside the server's write that carried Play.Start.</summary>
            public Action? PlayStarted { get; set; }

            public Task Ended => _ended.Task;

            public List<SessionEvent> Events
            {
                get
                {
                    lock (_events)
                    {
                        return _events.ToList();
                    }
                }
            }

            public EndPoint? RemoteEndPoint { get; } = new IPEndPoint(IPAddress.Parse("192.0.2.1"), 50000);

            public Task AuthenticateAsync() => Task.CompletedTask;

            // No kernel to batch reads in: like Windows, it refuses, and the connection stops asking.
            public bool TrySetReceiveLowWater(int bytes) => false;

            public ValueTask WaitForDataAsync() => _reading != null ? default : new ValueTask(_toServer.Reader.WaitToReadAsync().AsTask());

            public async ValueTask<int> ReadAsync(byte[] buffer, int offset, int count)
            {
                if (_reading == null)
                {
                    if (!await _toServer.Reader.WaitToReadAsync().ConfigureAwait(false) || !_toServer.Reader.TryRead(out _reading))
                    {
                        return 0;
                    }

                    _readAt = 0;
                }

                var length = Math.Min(count, _reading.Length - _readAt);
                Array.Copy(_reading, _readAt, buffer, offset, length);
                _readAt += length;
                if (_readAt == _reading.Length)
                {
                    _reading = null;
                }

                return length;
            }

            public OutboundQueue CreateOutbound(Action<string> fail) => new OutboundQueue(new ToPlayer(this), fail);

            public void Close() => _toServer.Writer.TryComplete();

            // One writer at a time: the outbound queue never runs two writes at once.
            private void FromServer(ReadOnlySpan<byte> bytes)
            {
                if (!_handshake.IsComplete)
                {
                    _handshake.Process(bytes, _output, out var consumed);
                    bytes = bytes.Slice(consumed);
                    if (_handshake.IsComplete)
                    {
                        _session.Connect(_output);
                    }
                }

                if (_handshake.IsComplete && !bytes.IsEmpty)
                {
                    var events = new List<SessionEvent>();
                    _session.Receive(bytes, _output, events);
                    lock (_events)
                    {
                        _events.AddRange(events);
                    }

                    foreach (var e in events)
                    {
                        switch (e)
                        {
                            case Connected _:
                                _session.Play(_stream, _output);
                                break;
                            case PlayStarted _:
                                PlayStarted?.Invoke();
                                break;
                            case StreamEnded _:
                                _ended.TrySetResult(true);
                                break;
                        }
                    }
                }

                SendOutput();
            }

            private void SendOutput()
            {
                if (_output.WrittenCount > 0)
                {
                    _toServer.Writer.TryWrite(_output.ToArray());
                    _output.Clear();
                }
            }

            private sealed class ToPlayer : Stream
            {
                private readonly MemoryPlayer _player;

                public ToPlayer(MemoryPlayer player) => _player = player;

                public override bool CanRead => false;

                public override bool CanSeek => false;

                public override bool CanWrite => true;

                public override long Length => throw new NotSupportedException();

                public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

                public override void Write(byte[] buffer, int offset, int count) => _player.FromServer(new ReadOnlySpan<byte>(buffer, offset, count));

                // Synchronous, so the connection's thread is inside the write while the player reacts.
                public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
                {
                    Write(buffer, offset, count);
                    return Task.CompletedTask;
                }

                public override void Flush()
                {
                }

                public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

                public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

                public override void SetLength(long value) => throw new NotSupportedException();
            }
        }
    }
}
