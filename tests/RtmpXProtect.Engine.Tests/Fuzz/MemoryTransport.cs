using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Tests.Fuzz;

/// <summary>
/// A transport that hands a connection prepared reads one at a time and throws away what it writes:
/// a real <see cref="RtmpConnection"/> runs a fuzzed session without a socket, at memory speed.
/// </summary>
internal sealed class MemoryTransport : IConnectionTransport
{
    private readonly Queue<byte[]> _reads;
    private bool _closed;

    public MemoryTransport(IEnumerable<byte[]> reads) => _reads = new Queue<byte[]>(reads);

    public EndPoint? RemoteEndPoint { get; } = new IPEndPoint(IPAddress.Parse("192.0.2.1"), 50000);

    public Task AuthenticateAsync() => Task.CompletedTask;

    // No kernel to batch reads in: like Windows, it refuses, and the connection stops asking.
    public bool TrySetReceiveLowWater(int bytes) => false;

    public ValueTask WaitForDataAsync() => default;

    public ValueTask<int> ReadAsync(byte[] buffer, int offset, int count)
    {
        if (_closed)
        {
            throw new ObjectDisposedException(nameof(MemoryTransport));
        }

        if (_reads.Count == 0)
        {
            return new ValueTask<int>(0);
        }

        // A read longer than the buffer is handed over in parts, as a socket would.
        var next = _reads.Peek();
        var length = Math.Min(next.Length, count);
        Array.Copy(next, 0, buffer, offset, length);
        _reads.Dequeue();
        if (length < next.Length)
        {
            var rest = new byte[next.Length - length];
            Array.Copy(next, length, rest, 0, rest.Length);
            var queue = new Queue<byte[]>();
            queue.Enqueue(rest);
            while (_reads.Count > 0)
            {
                queue.Enqueue(_reads.Dequeue());
            }

            while (queue.Count > 0)
            {
                _reads.Enqueue(queue.Dequeue());
            }
        }

        return new ValueTask<int>(length);
    }

    public OutboundQueue CreateOutbound(Action<string> fail) => new(Stream.Null, fail);

    public void Close() => _closed = true;
}
