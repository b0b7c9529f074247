using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
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
    /// firewalls and loses nothing) or over UDP (RTP/AVP to a port pair of this host, put back in
    /// order, with receiver reports), and yields its H.264, H.265 and AAC as FLV tags, with the
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
        private readonly RtspSourceTransport _transport;

        /// <summary>Plays <paramref name="url"/> (rtsp://[user:password@]host[:port]/path) with its RTP over <paramref name="transport"/>.</summary>
        /// <exception cref="FrameSourceException">The URL is not an RTSP(S) URL (the message does not repeat it).</exception>
        public RtspPullSource(string url, bool allowUntrustedCertificate = false, RtspSourceTransport transport = RtspSourceTransport.Tcp)
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
            _transport = transport;
            // Credentials never shown; a query (where a key may travel) is masked as an RTMP URL's is.
            // The transport is named, so an operator sees which one a camera is played over.
            Description = parsed.Scheme + "://" + parsed.Host + ":" + port + parsed.AbsolutePath + (parsed.Query.Length > 1 ? "?****" : string.Empty)
                + (transport == RtspSourceTransport.Udp ? " over UDP" : " over TCP");
        }

        /// <inheritdoc />
        public string Description { get; }

        /// <summary>What the RTP comes over.</summary>
        public RtspSourceTransport Transport => _transport;

        /// <inheritdoc />
        public async IAsyncEnumerable<MediaFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using var tcp = new TcpClient { NoDelay = true };
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var udp = new List<RtspUdpTrack>();
            try
            {
                Conversation conversation;
                PublishDepacketizer tracks;
                Dictionary<int, int> channels;
                try
                {
                    (conversation, tracks, channels) = await OpenAsync(tcp, udp, stopping.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (IsFailure(e))
                {
                    throw new FrameSourceException($"{Description} could not be played: {Reason(e)}.", e is FrameSourceException ? null : e);
                }

                var keepAlive = KeepAliveAsync(conversation, stopping.Token);
                try
                {
                    var frames = _transport == RtspSourceTransport.Udp ? ReadUdpAsync(conversation, tracks, udp, stopping.Token) : ReadInterleavedAsync(conversation, tracks, channels, stopping.Token);
                    await foreach (var frame in frames.ConfigureAwait(false))
                    {
                        yield return frame;
                    }
                }
                finally
                {
                    stopping.Cancel();
                    await keepAlive.ConfigureAwait(false);
                    await conversation.TryTeardownAsync(_requestUrl).ConfigureAwait(false);
                }
            }
            finally
            {
                foreach (var track in udp)
                {
                    track.Dispose();
                }
            }
        }

        // TCP: the RTP comes interleaved on the RTSP connection, with the answers to keep-alives.
        private async IAsyncEnumerable<MediaFrame> ReadInterleavedAsync(Conversation conversation, PublishDepacketizer tracks, Dictionary<int, int> channels, [EnumeratorCancellation] CancellationToken stopping)
        {
            while (true)
            {
                RtspTcpMessage? message;
                try
                {
                    using var silence = CancellationTokenSource.CreateLinkedTokenSource(stopping);
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

        // UDP: the RTP comes in datagrams, put back in order; the RTSP connection is still read, for its answers and its end.
        private async IAsyncEnumerable<MediaFrame> ReadUdpAsync(Conversation conversation, PublishDepacketizer tracks, IReadOnlyList<RtspUdpTrack> udp, [EnumeratorCancellation] CancellationToken stopping)
        {
            using var playback = new RtspUdpPlayback(udp, async cancel => await conversation.ReadAsync(cancel).ConfigureAwait(false) != null, SilenceTimeout, stopping);
            using var reporting = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var reports = playback.ReportAsync(reporting.Token);
            try
            {
                while (true)
                {
                    (int Track, IReadOnlyList<byte[]> Packets)? next;
                    try
                    {
                        next = await playback.NextAsync().ConfigureAwait(false);
                    }
                    catch (Exception e) when (IsFailure(e))
                    {
                        throw new FrameSourceException($"{Description} failed while playing: {Reason(e)}.", e);
                    }

                    if (next is not { } arrived)
                    {
                        yield break;
                    }

                    foreach (var packet in arrived.Packets)
                    {
                        foreach (var flv in tracks.Push(arrived.Track, packet))
                        {
                            yield return MediaFrame.From(new RtmpMessage(flv.IsVideo ? MessageType.Video : MessageType.Audio, flv.Timestamp, 1, flv.Body));
                        }
                    }
                }
            }
            finally
            {
                reporting.Cancel();
                await reports.ConfigureAwait(false);
            }
        }

        /// <inheritdoc />
        public ValueTask DisposeAsync() => default;

        private async Task<(Conversation, PublishDepacketizer, Dictionary<int, int>)> OpenAsync(TcpClient tcp, List<RtspUdpTrack> udp, CancellationToken cancel)
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
                if (_transport == RtspSourceTransport.Udp)
                {
                    await SetupUdpAsync(conversation, url, tcp, udp, cancel).ConfigureAwait(false);
                    continue;
                }

                var transport = new RtspHeaders().Add("Transport", $"RTP/AVP/TCP;unicast;interleaved={2 * i}-{(2 * i) + 1}");
                var setup = await conversation.AskAsync("SETUP", url, transport, cancel).ConfigureAwait(false);
                ExpectSetup(setup);
                conversation.Session.TakeSession(setup);

                // The server may pick other channels than the ones asked for (RFC 2326 §12.39).
                var chosen = RtspTransport.ChooseFrom(setup.Headers.Get("Transport"));
                channels[chosen != null && chosen.IsTcp && chosen.Channel >= 0 ? chosen.Channel : 2 * i] = i;
            }

            Expect(await conversation.AskAsync("PLAY", contentBase, new RtspHeaders().Add("Range", "npt=0.000-"), cancel).ConfigureAwait(false), "PLAY");
            return (conversation, tracks, channels);
        }

        // One track over UDP: a port pair on the address the server reached us at, and the server's pair from its answer.
        private async Task SetupUdpAsync(Conversation conversation, string url, TcpClient tcp, List<RtspUdpTrack> udp, CancellationToken cancel)
        {
            var local = RtspUdpTrack.Normal(((IPEndPoint)tcp.Client.LocalEndPoint).Address);
            var server = RtspUdpTrack.Normal(((IPEndPoint)tcp.Client.RemoteEndPoint).Address);
            var track = RtspUdpTrack.Bind(local);
            udp.Add(track);
            var transport = new RtspHeaders().Add("Transport", $"RTP/AVP;unicast;client_port={track.Port}-{track.Port + 1}");
            var setup = await conversation.AskAsync("SETUP", url, transport, cancel).ConfigureAwait(false);
            ExpectSetup(setup);
            conversation.Session.TakeSession(setup);
            var chosen = RtspTransport.ChooseFrom(setup.Headers.Get("Transport"));
            if (chosen == null || chosen.IsTcp || chosen.ServerPort < 0)
            {
                throw new FrameSourceException("the server's answer to SETUP names no server_port for RTP over UDP");
            }

            track.Connect(server, chosen.ServerPort, chosen.ServerControlPort);
        }

        // 461 is the server saying it will not send over the transport asked for: the other may do.
        private void ExpectSetup(RtspResponse response)
        {
            if (response.StatusCode == 461)
            {
                throw new FrameSourceException(_transport == RtspSourceTransport.Udp
                    ? "the server refuses RTP over UDP (461 Unsupported Transport); set sourceTransport: tcp for this path"
                    : "the server refuses RTP over TCP (461 Unsupported Transport); set sourceTransport: udp for this path");
            }

            Expect(response, "SETUP");
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
