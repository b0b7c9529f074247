using System;
using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Amf;
using RtmpXProtect.Engine.Rtmp.Chunks;
using RtmpXProtect.Engine.Rtmp.Handshake;
using RtmpXProtect.Engine.Rtmp.Messages;

namespace RtmpXProtect.Interop.Tests.Security;

/// <summary>
/// A raw-socket attacker: sends exactly the bytes a test chooses, crafting valid prefixes with the
/// engine's own handshake and chunk encoder. It connects from 127.0.0.2 so per-address limits bite
/// the attacker and not the legitimate ffmpeg peers on 127.0.0.1.
/// </summary>
public sealed class AttackClient : IDisposable
{
    /// <summary>The attacker's source address (Linux routes all of 127/8 to loopback).</summary>
    public static readonly IPAddress Address = IPAddress.Parse("127.0.0.2");

    private readonly Socket _socket;
    private readonly ChunkEncoder _encoder = new();

    private AttackClient(Socket socket) => _socket = socket;

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/>; the server may still close it at once.</summary>
    public static async Task<AttackClient> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(Address, 0));
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        return new AttackClient(socket);
    }

    public Task SendAsync(byte[] bytes) => _socket.SendAsync(bytes, SocketFlags.None);

    /// <summary>A valid C0..C2 exchange, after which chunks are read by the server.</summary>
    public async Task HandshakeAsync()
    {
        var handshake = new ClientHandshake(0);
        var output = new ArrayBufferWriter<byte>();
        handshake.Start(output);
        await SendAsync(output.WrittenSpan.ToArray());
        var buffer = new byte[8192];
        while (!handshake.IsComplete)
        {
            var read = await _socket.ReceiveAsync(buffer, SocketFlags.None);
            if (read == 0)
            {
                throw new InvalidOperationException("The server closed during a valid handshake.");
            }

            output.Clear();
            handshake.Process(buffer.AsSpan(0, read), output, out _);
            if (output.WrittenCount > 0)
            {
                await SendAsync(output.WrittenSpan.ToArray());
            }
        }
    }

    /// <summary>Sends one message chunked by the engine's encoder (128-byte chunks).</summary>
    public Task SendMessageAsync(int chunkStreamId, RtmpMessage message)
    {
        var output = new ArrayBufferWriter<byte>();
        _encoder.Write(output, chunkStreamId, message);
        return SendAsync(output.WrittenSpan.ToArray());
    }

    /// <summary>Sends an AMF0 command whose payload the test wrote by hand (possibly broken).</summary>
    public Task SendCommandAsync(byte[] payload, uint streamId = 0)
        => SendMessageAsync(ChunkStreamIds.Command, new RtmpMessage(MessageType.CommandAmf0, 0, streamId, payload));

    /// <summary>A well-formed connect to app "live".</summary>
    public Task SendConnectAsync(string app = "live")
        => SendCommandAsync(Amf0Writer.Serialize("connect", 1.0, new AmfObject { { "app", app }, { "tcUrl", "rtmp://127.0.0.1/" + app } }));

    /// <summary>Waits for the server's first answer (to connect: the server handles the commands after it only once it accepted).</summary>
    public async Task ReceiveAnswerAsync()
    {
        var buffer = new byte[16384];
        if (await _socket.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(Attack.CloseTimeout) == 0)
        {
            throw new InvalidOperationException("The server closed instead of answering.");
        }
    }

    /// <summary>
    /// Reads and discards until the server closes (0 or reset): true when it did within
    /// <paramref name="timeout"/>, false when the socket was still open.
    /// </summary>
    public async Task<bool> ClosedByServerAsync(TimeSpan timeout)
    {
        var buffer = new byte[16384];
        var deadline = Task.Delay(timeout);
        try
        {
            while (true)
            {
                var read = _socket.ReceiveAsync(buffer, SocketFlags.None);
                if (await Task.WhenAny(read, deadline) == deadline)
                {
                    return false;
                }

                if (await read == 0)
                {
                    return true;
                }
            }
        }
        catch (SocketException)
        {
            return true;
        }
    }

    /// <summary>Reads text until <paramref name="marker"/> arrived (an RTSP answer's CSeq); throws when the time runs out or the server closes.</summary>
    public async Task<string> ReceiveUntilAsync(string marker, TimeSpan timeout)
    {
        var text = new System.Text.StringBuilder();
        var buffer = new byte[65536];
        using var cancel = new System.Threading.CancellationTokenSource(timeout);
        while (text.ToString().IndexOf(marker, StringComparison.Ordinal) < 0)
        {
            var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
            if (read == 0)
            {
                throw new System.IO.EndOfStreamException("The server closed before " + marker.Trim() + ": " + text);
            }

            text.Append(System.Text.Encoding.ASCII.GetString(buffer, 0, read));
        }

        return text.ToString();
    }

    public void Dispose() => _socket.Dispose();
}
