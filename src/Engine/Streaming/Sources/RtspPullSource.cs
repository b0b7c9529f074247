using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Authentication;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Rtsp.Messages;
using RtmpXProtect.Engine.Rtsp.Sdp;
using RtmpXProtect.Engine.Rtsp.Session;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Streaming.Sources
{
    /// <summary>
    /// Plays an rtsp:// or rtsps:// camera or server over TCP (RTP interleaved, which crosses
    /// firewalls and loses nothing) and yields its H.264, H.265 and AAC as FLV tags, with the
    /// user and password of the URL sent by Digest or Basic when the server asks. It keeps the
    /// session alive with OPTIONS, and ends when the server closes it.
    /// </summary>
    public sealed class RtspPullSource : IFrameSource
    {
        private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

        // A camera that answers nothing, or goes silent while playing, is given up and opened again.
        private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);
        private static readonly TimeSpan SilenceTimeout = TimeSpan.FromSeconds(15);
        private readonly Uri _url;
        private readonly string _requestUrl;
        private readonly string? _user;
        private readonly string? _password;
        private readonly bool _allowUntrustedCertificate;

        /// <summary>Plays <paramref name="url"/> (rtsp://[user:password@]host[:port]/path).</summary>
        /// <exception cref="FrameSourceException">The URL is not an RTSP(S) URL (the message does not repeat it).</exception>
        public RtspPullSource(string url, bool allowUntrustedCertificate = false)
        {
            if (!Uri.TryCreate(url ?? string.Empty, UriKind.Absolute, out var parsed) || (parsed.Scheme != "rtsp" && parsed.Scheme != "rtsps") || parsed.Host.Length == 0)
            {
                throw new FrameSourceException("The source is not an rtsp:// or rtsps:// URL of the form rtsp://[user:password@]host[:port]/path.");
            }

            _url = parsed;
            var port = parsed.Port > 0 ? parsed.Port : parsed.Scheme == "rtsps" ? 322 : 554;
            _requestUrl = parsed.Scheme + "://" + parsed.Host + ":" + port + parsed.PathAndQuery;
            if (parsed.UserInfo.Length > 0)
            {
                var colon = parsed.UserInfo.IndexOf(':');
                _user = Uri.UnescapeDataString(colon < 0 ? parsed.UserInfo : parsed.UserInfo.Substring(0, colon));
                _password = colon < 0 ? string.Empty : Uri.UnescapeDataString(parsed.UserInfo.Substring(colon + 1));
            }

            _allowUntrustedCertificate = allowUntrustedCertificate;
            // Credentials never shown; a query (where a key may travel) is masked as an RTMP URL's is.
            Description = parsed.Scheme + "://" + parsed.Host + ":" + port + parsed.AbsolutePath + (parsed.Query.Length > 1 ? "?****" : string.Empty);
        }

        /// <inheritdoc />
        public string Description { get; }

        /// <inheritdoc />
        public async IAsyncEnumerable<MediaFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using var tcp = new TcpClient { NoDelay = true };
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Conversation conversation;
            PublishDepacketizer tracks;
            Dictionary<int, int> channels;
            try
            {
                (conversation, tracks, channels) = await OpenAsync(tcp, stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (IsFailure(e))
            {
                throw new FrameSourceException($"{Description} could not be played: {Reason(e)}.", e is FrameSourceException ? null : e);
            }

            var keepAlive = KeepAliveAsync(conversation, stopping.Token);
            try
            {
                while (true)
                {
                    RtspTcpMessage? message;
                    try
                    {
                        using var silence = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
                        silence.CancelAfter(SilenceTimeout);
                        try
                        {
                            message = await conversation.ReadAsync(silence.Token).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
                        {
                            throw new TimeoutException("nothing came for " + SilenceTimeout.TotalSeconds + " s");
                        }
                    }
                    catch (Exception e) when (IsFailure(e))
                    {
                        throw new FrameSourceException($"{Description} failed while playing: {Reason(e)}.", e);
                    }

                    if (message == null)
                    {
                        yield break;
                    }

                    if (message is InterleavedFrame frame && channels.TryGetValue(frame.Channel, out var track))
                    {
                        foreach (var flv in tracks.Push(track, frame.Payload.Span))
                        {
                            yield return MediaFrame.From(new RtmpMessage(flv.IsVideo ? MessageType.Video : MessageType.Audio, flv.Timestamp, 1, flv.Body));
                        }
                    }
                }
            }
            finally
            {
                stopping.Cancel();
                await keepAlive.ConfigureAwait(false);
                await conversation.TryTeardownAsync(_requestUrl).ConfigureAwait(false);
            }
        }

        /// <inheritdoc />
        public ValueTask DisposeAsync() => default;

        private async Task<(Conversation, PublishDepacketizer, Dictionary<int, int>)> OpenAsync(TcpClient tcp, CancellationToken cancel)
        {
            var connect = tcp.ConnectAsync(_url.Host, _url.Port > 0 ? _url.Port : _url.Scheme == "rtsps" ? 322 : 554);
            if (await Task.WhenAny(connect, Task.Delay(ConnectTimeout, cancel)).ConfigureAwait(false) != connect)
            {
                tcp.Dispose();
                cancel.ThrowIfCancellationRequested();
                throw new TimeoutException("no connection within " + ConnectTimeout.TotalSeconds + " s");
            }

            await connect.ConfigureAwait(false);

            Stream stream = tcp.GetStream();
            if (_url.Scheme == "rtsps")
            {
                var tls = new SslStream(stream, false, (_, _, _, errors) => errors == SslPolicyErrors.None || _allowUntrustedCertificate);
                var handshake = tls.AuthenticateAsClientAsync(_url.Host);
                if (await Task.WhenAny(handshake, Task.Delay(ConnectTimeout, cancel)).ConfigureAwait(false) != handshake)
                {
                    tls.Dispose();
                    cancel.ThrowIfCancellationRequested();
                    throw new TimeoutException("no TLS handshake within " + ConnectTimeout.TotalSeconds + " s");
                }

                await handshake.ConfigureAwait(false);
                stream = tls;
            }

            var conversation = new Conversation(stream, new RtspClientSession(_user, _password));

            // OPTIONS first, as players do: some servers (and cameras) expect it before DESCRIBE.
            await conversation.AskAsync("OPTIONS", _requestUrl, new RtspHeaders(), cancel).ConfigureAwait(false);
            var describe = await conversation.AskAsync("DESCRIBE", _requestUrl, new RtspHeaders().Add("Accept", "application/sdp"), cancel).ConfigureAwait(false);
            Expect(describe, "DESCRIBE");
            PublishDepacketizer tracks;
            try
            {
                tracks = PublishDepacketizer.Create(SessionDescriptionReader.Read(Encoding.UTF8.GetString(describe.Body.ToArray())));
            }
            catch (FormatException e)
            {
                throw new FrameSourceException(e.Message);
            }

            var contentBase = describe.Headers.Get("Content-Base") ?? describe.Headers.Get("Content-Location") ?? _requestUrl;
            var controls = tracks.Controls;
            var channels = new Dictionary<int, int>();
            for (int i = 0; i < controls.Count; i++)
            {
                var control = controls[i];
                var url = control.StartsWith("rtsp", StringComparison.OrdinalIgnoreCase) ? control : contentBase.TrimEnd('/') + "/" + control;
                var transport = new RtspHeaders().Add("Transport", $"RTP/AVP/TCP;unicast;interleaved={2 * i}-{(2 * i) + 1}");
                var setup = await conversation.AskAsync("SETUP", url, transport, cancel).ConfigureAwait(false);
                Expect(setup, "SETUP");
                conversation.Session.TakeSession(setup);

                // The server may pick other channels than the ones asked for (RFC 2326 §12.39).
                var chosen = RtspTransport.ChooseFrom(setup.Headers.Get("Transport"));
                channels[chosen != null && chosen.IsTcp && chosen.Channel >= 0 ? chosen.Channel : 2 * i] = i;
            }

            Expect(await conversation.AskAsync("PLAY", contentBase, new RtspHeaders().Add("Range", "npt=0.000-"), cancel).ConfigureAwait(false), "PLAY");
            return (conversation, tracks, channels);
        }

        // OPTIONS at half the session timeout: servers drop sessions that send nothing (receiver reports are not sent here).
        private async Task KeepAliveAsync(Conversation conversation, CancellationToken cancel)
        {
            try
            {
                while (true)
                {
                    await Task.Delay(TimeSpan.FromTicks(conversation.Session.Timeout.Ticks / 2), cancel).ConfigureAwait(false);
                    await conversation.SendAsync("OPTIONS", _requestUrl, cancel).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is OperationCanceledException || IsFailure(e))
            {
                // The read loop sees a broken connection; stopping ends this.
            }
        }

        private static void Expect(RtspResponse response, string method)
        {
            if (response.StatusCode != 200)
            {
                throw new FrameSourceException($"the server answered {method} with {response.StatusCode} {response.Reason}");
            }
        }

        private static bool IsFailure(Exception e) =>
            e is IOException || e is SocketException || e is AuthenticationException || e is TimeoutException || e is RtspProtocolException || e is FrameSourceException || e is ObjectDisposedException || e is OperationCanceledException;

        private static string Reason(Exception e) => e is FrameSourceException || e is RtspProtocolException ? e.Message : e.GetType().Name;

        /// <summary>The RTSP connection: requests out, answers and interleaved frames in, one reader.</summary>
        private sealed class Conversation
        {
            private readonly Stream _stream;
            private readonly RtspReader _reader = new RtspReader();
            private readonly SemaphoreSlim _writing = new SemaphoreSlim(1, 1);
            private byte[] _buffer = new byte[64 * 1024];
            private int _length;

            public Conversation(Stream stream, RtspClientSession session)
            {
                _stream = stream;
                Session = session;
            }

            public RtspClientSession Session { get; }

            /// <summary>Sends a request and returns its answer, once more with credentials after a 401 that asks for them.</summary>
            public async Task<RtspResponse> AskAsync(string method, string uri, RtspHeaders headers, CancellationToken outer)
            {
                using var answer = CancellationTokenSource.CreateLinkedTokenSource(outer);
                answer.CancelAfter(AnswerTimeout);
                try
                {
                    return await AskOnceOrTwiceAsync(method, uri, headers, answer.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!outer.IsCancellationRequested)
                {
                    throw new TimeoutException($"no answer to {method} within {AnswerTimeout.TotalSeconds} s");
                }
            }

            private async Task<RtspResponse> AskOnceOrTwiceAsync(string method, string uri, RtspHeaders headers, CancellationToken cancel)
            {
                for (var attempt = 0; ; attempt++)
                {
                    await WriteAsync(Session.Request(method, uri, headers), cancel).ConfigureAwait(false);
                    RtspResponse? answer = null;
                    while (answer == null)
                    {
                        var message = await ReadAsync(cancel).ConfigureAwait(false) ?? throw new IOException("The server closed the connection.");
                        answer = message as RtspResponse;
                    }

                    if (attempt == 0 && Session.TakeChallenge(answer))
                    {
                        continue;
                    }

                    return answer;
                }
            }

            public Task SendAsync(string method, string uri, CancellationToken cancel) => WriteAsync(Session.Request(method, uri), cancel);

            public async Task TryTeardownAsync(string uri)
            {
                try
                {
                    using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                    await SendAsync("TEARDOWN", uri, quick.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (IsFailure(e))
                {
                    // The connection is going anyway.
                }
            }

            /// <summary>The next message, or null when the server closed the connection.</summary>
            public async Task<RtspTcpMessage?> ReadAsync(CancellationToken cancel)
            {
                while (true)
                {
                    if (_reader.TryRead(new ReadOnlySpan<byte>(_buffer, 0, _length), out var message, out var consumed))
                    {
                        Buffer.BlockCopy(_buffer, consumed, _buffer, 0, _length - consumed);
                        _length -= consumed;
                        return message;
                    }

                    Buffer.BlockCopy(_buffer, consumed, _buffer, 0, _length - consumed);
                    _length -= consumed;
                    if (_length == _buffer.Length)
                    {
                        // An interleaved frame or a header block with its body fits in 128 KiB; more is no RTSP server's.
                        if (_buffer.Length >= 128 * 1024)
                        {
                            throw new RtspProtocolException("the server sent more than a message can hold");
                        }

                        Array.Resize(ref _buffer, _buffer.Length * 2);
                    }

                    var read = await _stream.ReadAsync(_buffer, _length, _buffer.Length - _length, cancel).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return null;
                    }

                    _length += read;
                }
            }

            private async Task WriteAsync(RtspRequest request, CancellationToken cancel)
            {
                var bytes = RtspWriter.Write(request);
                await _writing.WaitAsync(cancel).ConfigureAwait(false);
                try
                {
                    await _stream.WriteAsync(bytes, 0, bytes.Length, cancel).ConfigureAwait(false);
                }
                finally
                {
                    _writing.Release();
                }
            }
        }
    }
}
