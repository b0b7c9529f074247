using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace RtmpXProtect.Interop.Tests.Peers;

/// <summary>
/// Waits until a peer accepts TCP connections. A refused connect is the only signal a foreign
/// process gives that it is not listening yet, so this retries with a short, bounded back-off.
/// </summary>
public static class TcpReady
{
    /// <summary>Returns once 127.0.0.1:<paramref name="port"/> accepts; throws TimeoutException after <paramref name="timeout"/>.</summary>
    public static async Task WaitAsync(int port, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var backOff = TimeSpan.FromMilliseconds(10);
        SocketException? last = null;
        while (clock.Elapsed < timeout)
        {
            using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(timeout - clock.Elapsed);
            try
            {
                await client.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), attempt.Token).ConfigureAwait(false);
                return;
            }
            catch (SocketException ex)
            {
                last = ex;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                break;
            }

            // Back-off between refused connects; the connect itself is what we wait on.
            var remaining = timeout - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            await Task.Delay(backOff < remaining ? backOff : remaining, cancellationToken).ConfigureAwait(false);
            backOff = TimeSpan.FromMilliseconds(Math.Min(backOff.TotalMilliseconds * 2, 200));
        }

        throw new TimeoutException(
            $"nothing listened on 127.0.0.1:{port} within {timeout.TotalSeconds:0.#} s ({last?.SocketErrorCode.ToString() ?? "connect timed out"})");
    }
}
