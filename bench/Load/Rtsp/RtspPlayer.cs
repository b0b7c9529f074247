using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Rtsp.Messages;
using RtmpXProtect.Engine.Rtsp.Sdp;
using RtmpXProtect.Engine.Rtsp.Session;

namespace RtmpXProtect.Bench.Load.Rtsp;

/// <summary>
/// One RTSP player of the fan-out benchmark: DESCRIBE, SETUP of every track over TCP interleaved,
/// PLAY, then read and count until stopped. It times its first video packet from the connect.
/// </summary>
internal sealed class RtspPlayer
{
    private long _bytes;

    /// <summary>Bytes read since PLAY.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Connect to the first video packet, or null before it.</summary>
    public TimeSpan? FirstFrame { get; private set; }

    public string? Failure { get; private set; }

    public async Task RunAsync(string url, CancellationToken stop)
    {
        var started = Stopwatch.GetTimestamp();
        var uri = new Uri(url);
        try
        {
            using var tcp = new TcpClient { NoDelay = true, ReceiveBufferSize = 256 * 1024 };
            await tcp.ConnectAsync(uri.Host, uri.Port, stop);
            var stream = tcp.GetStream();
            var session = new RtspClientSession(null, null);
            var reader = new RtspReader();
            var buffer = new byte[256 * 1024];
            var length = 0;

            async Task<RtspTcpMessage?> NextAsync()
            {
                while (true)
                {
                    if (reader.TryRead(buffer.AsSpan(0, length), out var message, out var consumed))
                    {
                        Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
                        length -= consumed;
                        return message;
                    }

                    Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
                    length -= consumed;
                    var read = await stream.ReadAsync(buffer.AsMemory(length), stop);
                    if (read == 0)
                    {
                        return null;
                    }

                    length += read;
                    Interlocked.Add(ref _bytes, read);
                }
            }

            async Task<RtspResponse> AskAsync(string method, string target, RtspHeaders? headers = null)
            {
                await stream.WriteAsync(RtspWriter.Write(session.Request(method, target, headers)), stop);
                while (true)
                {
                    var message = await NextAsync() ?? throw new IOException("closed during " + method);
                    if (message is RtspResponse response)
                    {
                        if (response.StatusCode != 200)
                        {
                            throw new IOException($"{method}: {response.StatusCode} {response.Reason}");
                        }

                        return response;
                    }
                }
            }

            var describe = await AskAsync("DESCRIBE", url, new RtspHeaders().Add("Accept", "application/sdp"));
            var tracks = PublishDepacketizer.Create(SessionDescriptionReader.Read(Encoding.UTF8.GetString(describe.Body.Span)));
            var contentBase = (describe.Headers.Get("Content-Base") ?? url).TrimEnd('/');
            for (var i = 0; i < tracks.Controls.Count; i++)
            {
                var control = tracks.Controls[i];
                var setup = await AskAsync("SETUP", control.StartsWith("rtsp", StringComparison.OrdinalIgnoreCase) ? control : contentBase + "/" + control, new RtspHeaders().Add("Transport", $"RTP/AVP/TCP;unicast;interleaved={2 * i}-{(2 * i) + 1}"));
                session.TakeSession(setup);
            }

            await AskAsync("PLAY", contentBase);
            Interlocked.Exchange(ref _bytes, 0);
            while (!stop.IsCancellationRequested)
            {
                var message = await NextAsync();
                if (message == null)
                {
                    Failure = "closed by the server";
                    return;
                }

                if (FirstFrame == null && message is InterleavedFrame { Channel: 0 })
                {
                    FirstFrame = Stopwatch.GetElapsedTime(started);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is IOException || e is SocketException || e is FormatException || e is RtspProtocolException)
        {
            Failure = e.Message;
        }
    }
}
