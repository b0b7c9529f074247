using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Rtsp.Messages;

namespace RtmpXProtect.Interop.Tests.Rtsp;

/// <summary>Reads what an RTSP server sends back to a hand-written client, skipping interleaved media.</summary>
internal static class RtspClientReads
{
    /// <summary>The next response on <paramref name="stream"/>; throws when the server closes first or the time runs out.</summary>
    public static async Task<RtspResponse> ResponseAsync(Stream stream, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var reader = new RtspReader();
        var buffer = new byte[256 * 1024];
        var length = 0;
        while (true)
        {
            while (reader.TryRead(buffer.AsSpan(0, length), out var message, out var consumed))
            {
                Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
                length -= consumed;
                if (message is RtspResponse response)
                {
                    return response;
                }
            }

            var read = await stream.ReadAsync(buffer.AsMemory(length), cancel.Token);
            if (read == 0)
            {
                throw new EndOfStreamException("The server closed the connection before answering.");
            }

            length += read;
        }
    }
}
