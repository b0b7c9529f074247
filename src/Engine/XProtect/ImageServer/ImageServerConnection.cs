using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.XProtect.Connection;

namespace RtmpXProtect.Engine.XProtect.ImageServer
{
    /// <summary>
    /// One socket to a Recording Server's ImageServer for one camera: connected with the recorder
    /// token in connectparam, then method calls out and messages in. One reader at a time; calls
    /// may be sent from any thread (a token refresh sends connectupdate while live pictures flow).
    /// </summary>
    public sealed class ImageServerConnection : IAsyncDisposable
    {
        private readonly TcpClient _tcp;
        private readonly Stream _stream;
        private readonly ImageServerClientOptions _options;
        private readonly ImageServerReader _reader;
        private readonly SemaphoreSlim _writeLock = new SemaphoreSlim(1, 1);
        private readonly string _shown;
        private byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;
        private long _requestId;

        private ImageServerConnection(TcpClient tcp, Stream stream, Guid cameraId, string shown, ImageServerClientOptions options)
        {
            _tcp = tcp;
            _stream = stream;
            CameraId = cameraId;
            _shown = shown;
            _options = options;
            _reader = new ImageServerReader(options.Limits);
        }

        /// <summary>The camera this socket is for.</summary>
        public Guid CameraId { get; }

        /// <summary>
        /// Connects to <paramref name="imageServer"/> (TLS first when its scheme is https, the
        /// certificate verified unless allowed) and sends connect for <paramref name="cameraId"/>.
        /// </summary>
        /// <exception cref="ImageServerException">The recorder cannot be reached, refuses the certificate check or refuses the connect.</exception>
        public static async Task<ImageServerConnection> ConnectAsync(Uri imageServer, Guid cameraId, RecorderToken token, ImageServerClientOptions? options, CancellationToken cancellationToken)
        {
            options ??= new ImageServerClientOptions();
            var shown = imageServer.GetLeftPart(UriPartial.Authority);
            var tcp = new TcpClient { NoDelay = true };
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.ConnectTimeout);
            ImageServerConnection? connection = null;
            try
            {
                using (timeout.Token.Register(() => tcp.Dispose()))
                {
                    await tcp.ConnectAsync(imageServer.Host, imageServer.Port).ConfigureAwait(false);
                    Stream stream = tcp.GetStream();
                    if (string.Equals(imageServer.Scheme, "https", StringComparison.OrdinalIgnoreCase))
                    {
                        var tls = new SslStream(stream, false, (_, _, _, errors) => errors == SslPolicyErrors.None || options.AllowUntrustedCertificate);
                        await tls.AuthenticateAsClientAsync(imageServer.Host).ConfigureAwait(false);
                        stream = tls;
                    }

                    connection = new ImageServerConnection(tcp, stream, cameraId, shown, options);
                    await connection.SendAsync(r => ImageServerRequests.Connect(r, cameraId, token.Value, options.Multipart), timeout.Token).ConfigureAwait(false);
                    var answer = await connection.ReadAsync(timeout.Token).ConfigureAwait(false);
                    if (!(answer is MethodResponse response) || !response.Connected)
                    {
                        var reason = ServerText.Shown((answer as MethodResponse)?.ErrorReason) ?? "no connect answer";
                        throw new ImageServerException($"Recording Server {shown} refused camera {cameraId:D}: {reason}.");
                    }

                    return connection;
                }
            }
            catch (Exception e) when (e is SocketException || e is IOException || e is ObjectDisposedException || e is System.Security.Authentication.AuthenticationException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                await Close(connection, tcp).ConfigureAwait(false);
                var why = e is System.Security.Authentication.AuthenticationException
                    ? "its certificate is not trusted (allowUntrustedCertificate accepts it)"
                    : e is OperationCanceledException || e is ObjectDisposedException ? $"no answer within {options.ConnectTimeout.TotalSeconds:0} s" : e.Message.TrimEnd('.');
                throw new ImageServerException($"Recording Server {shown}: cannot connect: {why}.", e);
            }
            catch
            {
                await Close(connection, tcp).ConfigureAwait(false);
                throw;
            }
        }

        /// <summary>Sends connectupdate with a refreshed token; the answer arrives among the other messages.</summary>
        public Task<long> UpdateTokenAsync(RecorderToken token, CancellationToken cancellationToken) =>
            SendAsync(r => ImageServerRequests.ConnectUpdate(r, CameraId, token.Value), cancellationToken);

        /// <summary>Starts live: pictures and livepackages follow until <see cref="StopLiveAsync"/>.</summary>
        public Task<long> StartLiveAsync(CancellationToken cancellationToken) => SendAsync(ImageServerRequests.Live, cancellationToken);

        /// <summary>Stops live.</summary>
        public Task<long> StopLiveAsync(CancellationToken cancellationToken) => SendAsync(ImageServerRequests.Stop, cancellationToken);

        /// <summary>Asks for the recording at <paramref name="time"/>.</summary>
        public Task<long> GotoAsync(DateTimeOffset time, CancellationToken cancellationToken) => SendAsync(r => ImageServerRequests.Goto(r, time), cancellationToken);

        /// <summary>Asks for the reply after the last one.</summary>
        public Task<long> NextAsync(CancellationToken cancellationToken) => SendAsync(ImageServerRequests.Next, cancellationToken);

        /// <summary>The next message.</summary>
        /// <exception cref="ImageServerProtocolException">The recorder broke the protocol.</exception>
        /// <exception cref="ImageServerException">The socket closed or nothing came for <see cref="ImageServerClientOptions.ReadTimeout"/>.</exception>
        public async Task<ImageServerMessage> ReadAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                if (_reader.TryRead(new ReadOnlySpan<byte>(_buffer, _start, _end - _start), out var message, out var consumed))
                {
                    _start += consumed;
                    return message!;
                }

                _start += consumed;
                MakeRoom();
                int read;
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    timeout.CancelAfter(_options.ReadTimeout);

                    // .NET Framework's socket streams ignore the token once a read waits: closing the socket ends it there too.
                    using (timeout.Token.Register(() => _tcp.Dispose()))
                    {
                        try
                        {
                            read = await _stream.ReadAsync(_buffer, _end, _buffer.Length - _end, timeout.Token).ConfigureAwait(false);
                        }
                        catch (Exception e) when (e is OperationCanceledException || e is ObjectDisposedException || e is IOException)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            throw timeout.IsCancellationRequested
                                ? new ImageServerException($"Recording Server {_shown} sent nothing for {_options.ReadTimeout.TotalSeconds:0} s.")
                                : new ImageServerException($"Recording Server {_shown} connection lost: {e.Message.TrimEnd('.')}.", e);
                        }
                    }
                }

                if (read == 0)
                {
                    throw new ImageServerException($"Recording Server {_shown} closed the connection" + (_end > _start ? " in the middle of a reply." : "."));
                }

                _end += read;
            }
        }

        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            await Close(this, _tcp).ConfigureAwait(false);
        }

        private static ValueTask Close(ImageServerConnection? connection, TcpClient tcp)
        {
            connection?._stream.Dispose();
            connection?._writeLock.Dispose();
            tcp.Dispose();
            return default;
        }

        private async Task<long> SendAsync(Func<long, byte[]> request, CancellationToken cancellationToken)
        {
            var id = Interlocked.Increment(ref _requestId);
            var bytes = request(id);
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _stream.WriteAsync(bytes, 0, bytes.Length, cancellationToken).ConfigureAwait(false);
                await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                return id;
            }
            catch (IOException e)
            {
                throw new ImageServerException($"Recording Server {_shown} connection lost: {e.Message.TrimEnd('.')}.", e);
            }
            finally
            {
                _writeLock.Release();
            }
        }

        // Keep unread bytes at the front, and grow (never past what one reply may take) when a message is larger than the buffer.
        private void MakeRoom()
        {
            if (_start == _end)
            {
                _start = _end = 0;
            }

            if (_end < _buffer.Length)
            {
                return;
            }

            int unread = _end - _start;
            if (unread < _buffer.Length / 2)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, unread);
            }
            else
            {
                long cap = (long)_options.Limits.MaxReplyBytes + _options.Limits.MaxXmlBytes + (64 * 1024);
                if (_buffer.Length >= cap)
                {
                    throw new ImageServerProtocolException($"Recording Server {_shown} sent a message larger than the limit of {_options.Limits.MaxReplyBytes} bytes.");
                }

                var grown = new byte[(int)Math.Min(cap, (long)_buffer.Length * 2)];
                Buffer.BlockCopy(_buffer, _start, grown, 0, unread);
                _buffer = grown;
            }

            _start = 0;
            _end = unread;
        }
    }
}
