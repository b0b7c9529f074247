using System;
using System.Net;
using System.Threading.Tasks;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// How a connection's bytes reach its peer: a plain socket keeps the fast path (non-blocking
    /// gathered sends from the enqueuing thread), TLS goes through a stream with one writer loop.
    /// The connection itself does not know which one it has.
    /// </summary>
    internal interface IConnectionTransport
    {
        /// <summary>The peer's address, for logs.</summary>
        EndPoint? RemoteEndPoint { get; }

        /// <summary>Whatever has to happen before RTMP bytes flow (the TLS handshake); throws <see cref="TlsHandshakeException"/>.</summary>
        Task AuthenticateAsync();

        /// <summary>Completes when data is there to read (or the peer closed) without holding a buffer.</summary>
        ValueTask WaitForDataAsync();

        /// <summary>Reads at most <paramref name="count"/> bytes; 0 means the peer closed.</summary>
        ValueTask<int> ReadAsync(byte[] buffer, int offset, int count);

        /// <summary>
        /// Sets how many bytes must wait before a read is woken (SO_RCVLOWAT; 0 wakes on any byte).
        /// False where the platform refuses the option (Windows): the caller stops asking.
        /// </summary>
        bool TrySetReceiveLowWater(int bytes);

        /// <summary>The queue that writes to this transport, failing through <paramref name="fail"/>.</summary>
        OutboundQueue CreateOutbound(Action<string> fail);

        /// <summary>Closes at once; pending reads and writes fail.</summary>
        void Close();
    }
}
