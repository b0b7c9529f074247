using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Bench.Load.Publishing;
using RtmpXProtect.Bench.Load.Wire;
using RtmpXProtect.Engine.Buffers;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Chunks;
using RtmpXProtect.Engine.Rtmp.Handshake;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Rtmp.Sessions;
using RtmpXProtect.Engine.Rtmp.Sessions.Events;

namespace RtmpXProtect.Bench.Load.Players;

/// <summary>
/// One lean RTMP player. The engine's ClientHandshake and ClientSession do the handshake, connect
/// and play; from Play.Start on only the <see cref="ChunkScanner"/> reads the stream, answering
/// pings and acknowledging the server's window itself, so thousands fit in one small process.
/// </summary>
internal sealed class PlayerConnection : IScannedMessageSink
{
    /// <summary>One pooled read buffer per connection: twice the fan-out low-water mark.</summary>
    public const int ReadBufferSize = 32 * 1024;

    private const byte UserControlType = 4;
    private const byte WindowAckSizeType = 5;
    private const byte AudioType = 8;
    private const byte VideoType = 9;
    private const ushort PingRequest = 6;

    private const int SolSocket = 1;
    private const int SoRcvLowat = 18;

    private readonly StreamTarget _target;
    private readonly int _receiveLowWater;
    private readonly LatencyMatcher? _latency;
    private readonly MeasurementWindow? _window;
    private readonly ChunkScanner _scanner = new();
    private readonly ByteBufferWriter _output = new(512);
    private readonly List<SessionEvent> _events = new();
    private readonly TaskCompletionSource<bool> _playing = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<float> _latencies = new();
    private ClientSession? _session;
    private bool _lean;
    private bool _lowWaterSet;
    private bool _answerControl;
    private uint _ackWindow;
    private long _lastAck;
    private long _bytesReceived;
    private long _mediaBytes;
    private long _firstKeyframeTicks;

    public PlayerConnection(StreamTarget target, SendLog? sendLog = null, MeasurementWindow? window = null, int receiveLowWater = 0)
    {
        _target = target;
        _receiveLowWater = receiveLowWater;
        _latency = sendLog is null ? null : new LatencyMatcher(sendLog);
        _window = window;
    }

    /// <summary>Completes when the server answered Play.Start; faults when the player failed first.</summary>
    public Task Playing => _playing.Task;

    public long ConnectStartTicks { get; private set; }

    /// <summary>Stopwatch ticks when the first coded keyframe (not a sequence header) was complete; 0 until then.</summary>
    public long FirstKeyframeTicks => Volatile.Read(ref _firstKeyframeTicks);

    public long BytesReceived => Volatile.Read(ref _bytesReceived);

    /// <summary>Audio and video body bytes received.</summary>
    public long MediaBytes => Volatile.Read(ref _mediaBytes);

    /// <summary>The connection ended (closed by the server or failed) before the player was told to stop.</summary>
    public bool Disconnected { get; private set; }

    public string? Failure { get; private set; }

    /// <summary>Publish-to-receive milliseconds of each video message received while the window was open.</summary>
    public IReadOnlyList<float> Latencies => _latencies;

    /// <summary>Connects, plays and reads until <paramref name="stop"/>; never throws for network trouble.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            ConnectStartTicks = Stopwatch.GetTimestamp();
            await socket.ConnectAsync(IPAddress.Parse(_target.Host), _target.Port, stop).ConfigureAwait(false);
            var filled = await HandshakeAsync(socket, buffer, stop).ConfigureAwait(false);
            _session = new ClientSession(new ClientSessionOptions(_target.App, _target.TcUrl));
            _session.Connect(_output);
            var fresh = filled;
            filled = 0;
            while (true)
            {
                filled = Consume(buffer, filled, fresh);
                if (_output.WrittenCount > 0)
                {
                    await socket.SendAsync(_output.WrittenMemory, SocketFlags.None, stop).ConfigureAwait(false);
                    _output.Clear();
                }

                if (_lean && _receiveLowWater > 0 && !_lowWaterSet)
                {
                    // Wake only once this much arrived: a fifth of the wake-ups for 1000 players
                    // at 2 Mbps, at the cost of a few tens of ms on each receive time.
                    socket.SetRawSocketOption(SolSocket, SoRcvLowat, BitConverter.GetBytes(_receiveLowWater));
                    _lowWaterSet = true;
                }

                fresh = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, stop).ConfigureAwait(false);
                if (fresh == 0)
                {
                    throw new SocketException((int)SocketError.ConnectionReset);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Told to stop: not a disconnect.
        }
        catch (Exception e) when (e is SocketException || e is RtmpProtocolException || e is InvalidOperationException || e is ObjectDisposedException)
        {
            if (!stop.IsCancellationRequested)
            {
                Disconnected = true;
                Failure = e is SocketException ? "connection closed by the server" : e.Message;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _playing.TrySetException(new InvalidOperationException(Failure ?? "stopped before Play.Start"));
        }
    }

    void IScannedMessageSink.OnMessage(in ScannedMessage message)
    {
        switch (message.Type)
        {
            case AudioType:
                _mediaBytes += message.Length;
                break;
            case VideoType:
                _mediaBytes += message.Length;
                OnVideo(message);
                break;
            case WindowAckSizeType when message.Head.Length >= 4:
                _ackWindow = BinaryPrimitives.ReadUInt32BigEndian(message.Head);
                break;
            case UserControlType when _answerControl && message.Head.Length >= 6 && BinaryPrimitives.ReadUInt16BigEndian(message.Head) == PingRequest:
                var pong = UserControlEvent.PingResponse(BinaryPrimitives.ReadUInt32BigEndian(message.Head.Slice(2))).ToMessage();
                ChunkEncoder.WriteSelfContained(_output, ChunkStreamIds.ProtocolControl, 128, pong);
                break;
        }
    }

    private void OnVideo(in ScannedMessage message)
    {
        if (!VideoHead.IsCodedFrame(message.Head, out var keyframe))
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        if (keyframe && _firstKeyframeTicks == 0)
        {
            Volatile.Write(ref _firstKeyframeTicks, now);
        }

        if (_latency != null && _latency.TryMatch(message.Timestamp, message.Length, out var sent) && _window is { IsOpen: true })
        {
            _latencies.Add((float)Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
        }
    }

    private async Task<int> HandshakeAsync(Socket socket, byte[] buffer, CancellationToken stop)
    {
        var handshake = new ClientHandshake(0);
        handshake.Start(_output);
        await socket.SendAsync(_output.WrittenMemory, SocketFlags.None, stop).ConfigureAwait(false);
        _output.Clear();
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, stop).ConfigureAwait(false);
            if (read == 0)
            {
                throw new SocketException((int)SocketError.ConnectionReset);
            }

            handshake.Process(buffer.AsSpan(0, read), _output, out var consumed);
            if (_output.WrittenCount > 0)
            {
                await socket.SendAsync(_output.WrittenMemory, SocketFlags.None, stop).ConfigureAwait(false);
                _output.Clear();
            }

            if (handshake.IsComplete)
            {
                // The server's first messages may follow S2 in the same read.
                Buffer.BlockCopy(buffer, consumed, buffer, 0, read - consumed);
                return read - consumed;
            }
        }
    }

    /// <summary>Takes <paramref name="fresh"/> new bytes behind <paramref name="kept"/> unscanned ones; returns the bytes kept for the next read.</summary>
    private int Consume(byte[] buffer, int kept, int fresh)
    {
        _bytesReceived += fresh;
        _answerControl = _lean;
        if (!_lean && fresh > 0)
        {
            // Until Play.Start the session reads everything too: it answers connect and createStream.
            _session!.Receive(buffer.AsSpan(kept, fresh), _output, _events);
            OnSessionEvents();
        }

        var total = kept + fresh;
        var used = _scanner.Scan(buffer.AsSpan(0, total), this);
        var left = total - used;
        if (left > 0)
        {
            Buffer.BlockCopy(buffer, used, buffer, 0, left);
        }

        if (_answerControl && _ackWindow > 0 && _bytesReceived - _lastAck >= _ackWindow)
        {
            _lastAck = _bytesReceived;
            ChunkEncoder.WriteSelfContained(_output, ChunkStreamIds.ProtocolControl, 128, ProtocolControl.Acknowledgement(unchecked((uint)_bytesReceived)));
        }

        return left;
    }

    private void OnSessionEvents()
    {
        foreach (var e in _events)
        {
            switch (e)
            {
                case Connected:
                    _session!.Play(_target.Stream, _output);
                    break;
                case PlayStarted:
                    _lean = true;
                    _lastAck = _bytesReceived;
                    _playing.TrySetResult(true);
                    break;
                case StatusReceived status when status.Status.IsError:
                    throw new InvalidOperationException("The server refused: " + status.Status.Code);
            }
        }

        _events.Clear();
    }
}
