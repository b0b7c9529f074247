using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Buffers;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Handshake;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Rtmp.Sessions;
using RtmpXProtect.Engine.Rtmp.Sessions.Events;

namespace RtmpXProtect.Engine.Client
{
    /// <summary>
    /// An RTMP(S) client that publishes or plays one stream. It keeps reading the socket the
    /// whole time, so server pings are answered and acknowledgements sent while it publishes.
    /// </summary>
    public sealed class RtmpClient : IAsyncDisposable
    {
        // How long a close waits for the server to read what was sent and close its side.
        private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);
        private readonly Socket _socket;
        private readonly Stream _stream;
        private readonly RtmpUrl _url;
        private readonly ClientSession _session;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private readonly ByteBufferWriter _scratch = new ByteBufferWriter();
        private readonly List<SessionEvent> _events = new List<SessionEvent>();
        private readonly Channel<RtmpMessage> _received;
        private readonly CancellationTokenSource _closing = new CancellationTokenSource();
        private readonly TaskCompletionSource<bool> _ended = NewPending();
        private TaskCompletionSource<bool> _pending = NewPending();
        private Task? _readLoop;

        // Set once our side of the connection is shut down: nothing more is written, and the
        // server closing the connection is then the expected end, not a failure.
        private volatile bool _closeSent;

        private RtmpClient(Socket socket, Stream stream, RtmpUrl url, RtmpClientOptions options)
        {
            _socket = socket;
            _stream = stream;
            _url = url;
            _session = new ClientSession(new ClientSessionOptions(url.App, url.TcUrl) { FlashVersion = options.FlashVersion }, options.Limits);
            _received = Channel.CreateBounded<RtmpMessage>(new BoundedChannelOptions(options.ReceiveQueueLength) { SingleReader = true, SingleWriter = true });
        }

        /// <summary>Media and data messages of the played stream; completes when the stream or connection ends.</summary>
        public ChannelReader<RtmpMessage> Received => _received.Reader;

        /// <summary>
        /// Completes when the connection ends: successfully when we closed it, faulted when the
        /// server closed it, broke the protocol or sent an error onStatus (a publish revoked by the
        /// server) after the last call returned. A publisher watches it, since sends alone may not
        /// notice a server that stopped listening.
        /// </summary>
        public Task Ended => _ended.Task;

        /// <summary>The URL connected to (its ToString masks the stream key).</summary>
        public RtmpUrl Url => _url;

        /// <summary>
        /// Opens TCP (and TLS for rtmps), does the handshake and connect, and returns once the
        /// server accepted the connection.
        /// </summary>
        /// <exception cref="RtmpStatusException">The server rejected connect.</exception>
        /// <exception cref="TimeoutException">Not connected within the options' timeout.</exception>
        public static async Task<RtmpClient> ConnectAsync(RtmpUrl url, RtmpClientOptions? options = null, CancellationToken cancellationToken = default)
        {
            options ??= new RtmpClientOptions();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.ConnectTimeout);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            RtmpClient? client = null;
            try
            {
                using (timeout.Token.Register(socket.Dispose))
                {
                    await socket.ConnectAsync(url.Host, url.Port).ConfigureAwait(false);
                    Stream stream = new NetworkStream(socket, ownsSocket: false);
                    if (url.IsSecure)
                    {
                        var refused = SslPolicyErrors.None;
                        var tls = new SslStream(stream, false, (_, _, _, errors) =>
                        {
                            refused = errors;
                            return errors == SslPolicyErrors.None || options.AllowUntrustedCertificate;
                        });
                        try
                        {
                            await tls.AuthenticateAsClientAsync(url.Host).ConfigureAwait(false);
                        }
                        catch (AuthenticationException e) when (refused != SslPolicyErrors.None)
                        {
                            // SslStream's own message does not say which setting accepts a self-signed server.
                            throw new AuthenticationException($"certificate not trusted: {refused} (allowUntrustedCertificate accepts it).", e);
                        }

                        stream = tls;
                    }

                    client = new RtmpClient(socket, stream, url, options);
                    await client.HandshakeAsync().ConfigureAwait(false);
                    client._readLoop = client.ReadLoopAsync();
                    await client.CallAsync(s => s.Connect(client._scratch), timeout.Token).ConfigureAwait(false);
                    return client;
                }
            }
            catch (Exception e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested && !(e is RtmpStatusException))
            {
                await DisposeQuietly(client, socket).ConfigureAwait(false);
                throw new TimeoutException($"No RTMP connection to {url.Host}:{url.Port} within {options.ConnectTimeout.TotalSeconds:0} s.");
            }
            catch
            {
                await DisposeQuietly(client, socket).ConfigureAwait(false);
                throw;
            }
        }

        /// <summary>Publishes the URL's stream; returns once the server sent Publish.Start.</summary>
        /// <exception cref="RtmpStatusException">The server refused (e.g. Publish.BadName).</exception>
        public Task PublishAsync(CancellationToken cancellationToken = default)
            => CallAsync(s => s.Publish(_url.Stream, _scratch), cancellationToken);

        /// <summary>Plays the URL's stream; returns once the server sent Play.Start. Media arrives on <see cref="Received"/>.</summary>
        /// <exception cref="RtmpStatusException">The server refused (e.g. Play.StreamNotFound).</exception>
        public Task PlayAsync(CancellationToken cancellationToken = default)
            => CallAsync(s => s.Play(_url.Stream, _scratch), cancellationToken);

        /// <summary>Sends an audio, video or data message on the published stream.</summary>
        public async Task SendAsync(RtmpMessage message, CancellationToken cancellationToken = default)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                _session.SendMedia(message, _scratch);
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <summary>Ends the publish or play cleanly (FCUnpublish, deleteStream) and closes the connection.</summary>
        public async Task CloseAsync()
        {
            if (_closing.IsCancellationRequested)
            {
                return;
            }

            var closedOurSide = false;
            try
            {
                await _gate.WaitAsync().ConfigureAwait(false);
                try
                {
                    _session.Close(_scratch);
                    await FlushAsync(CancellationToken.None).ConfigureAwait(false);

                    // A FIN after the last bytes, not a reset: disposing a socket that still has a read
                    // pending closes it abortively, and a reset throws away whatever of our last
                    // frames and close commands the server had not read yet.
                    _closeSent = true;
                    _socket.Shutdown(SocketShutdown.Send);
                    closedOurSide = true;
                }
                finally
                {
                    _gate.Release();
                }
            }
            catch (Exception e) when (e is IOException || e is ObjectDisposedException || e is SocketException)
            {
                // The connection is already gone; closing it is all that is left.
            }

            if (closedOurSide && _readLoop != null)
            {
                // The server closes once it has read everything; media still arriving for a play is
                // no longer wanted, so the read loop never waits for our reader meanwhile.
                _received.Writer.TryComplete();
                await Task.WhenAny(_readLoop, Task.Delay(CloseTimeout)).ConfigureAwait(false);
            }

            await DisposeAsync().ConfigureAwait(false);
        }

        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            if (!_closing.IsCancellationRequested)
            {
                _closing.Cancel();
            }

            _stream.Dispose();
            _socket.Dispose();
            if (_readLoop != null)
            {
                await _readLoop.ConfigureAwait(false);
            }
        }

        private static TaskCompletionSource<bool> NewPending() => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        private static async Task DisposeQuietly(RtmpClient? client, Socket socket)
        {
            if (client != null)
            {
                await client.DisposeAsync().ConfigureAwait(false);
            }

            socket.Dispose();
        }

        private async Task CallAsync(Action<ClientSession> send, CancellationToken cancellationToken)
        {
            TaskCompletionSource<bool> pending;
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                pending = _pending = NewPending();
                send(_session);
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }

            using (cancellationToken.Register(() => pending.TrySetCanceled()))
            {
                await pending.Task.ConfigureAwait(false);
            }
        }

        private async Task HandshakeAsync()
        {
            var handshake = new ClientHandshake(0);
            handshake.Start(_scratch);
            await FlushAsync(CancellationToken.None).ConfigureAwait(false);
            var buffer = new byte[4096];
            while (!handshake.IsComplete)
            {
                var read = await _stream.ReadAsync(buffer, 0, buffer.Length).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException("The server closed the connection during the handshake.");
                }

                handshake.Process(buffer.AsSpan(0, read), _scratch, out var consumed);
                await FlushAsync(CancellationToken.None).ConfigureAwait(false);
                if (handshake.IsComplete && consumed < read)
                {
                    // Servers may send their first messages right behind S2.
                    Receive(buffer.AsMemory(consumed, read - consumed));
                }
            }
        }

        private async Task ReadLoopAsync()
        {
            var reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
            Exception? failure = null;
            try
            {
                while (true)
                {
                    var result = await reader.ReadAsync(_closing.Token).ConfigureAwait(false);
                    await _gate.WaitAsync(_closing.Token).ConfigureAwait(false);
                    try
                    {
                        foreach (var segment in result.Buffer)
                        {
                            Receive(segment);
                        }

                        await FlushAsync(_closing.Token).ConfigureAwait(false);
                    }
                    finally
                    {
                        _gate.Release();
                    }

                    reader.AdvanceTo(result.Buffer.End);
                    await DispatchAsync().ConfigureAwait(false);
                    if (result.IsCompleted)
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Closed by us.
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException || e is RtmpProtocolException)
            {
                failure = e;
            }
            finally
            {
                await reader.CompleteAsync().ConfigureAwait(false);
                _pending.TrySetException(failure ?? new IOException("The server closed the connection."));
                if (_closing.IsCancellationRequested || _closeSent)
                {
                    _ended.TrySetResult(true);
                }
                else
                {
                    _ended.TrySetException(failure ?? new IOException("The server closed the connection."));
                }

                _received.Writer.TryComplete(failure is RtmpProtocolException ? failure : null);
            }
        }

        private void Receive(ReadOnlyMemory<byte> bytes) => _session.Receive(bytes.Span, _scratch, _events);

        private async Task DispatchAsync()
        {
            foreach (var e in _events)
            {
                switch (e)
                {
                    case MediaReceived media:
                        // Waits while the reader is behind (TCP pushes back on the server); after the
                        // stream ended, whatever still arrives is dropped.
                        while (!_received.Writer.TryWrite(media.Message) && await _received.Writer.WaitToWriteAsync(_closing.Token).ConfigureAwait(false))
                        {
                        }

                        break;
                    case Connected _:
                    case PublishStarted _:
                    case PlayStarted _:
                        _pending.TrySetResult(true);
                        break;
                    case StatusReceived status when status.Status.IsError:
                        if (!_pending.TrySetException(new RtmpStatusException(status.Status)))
                        {
                            // No call waits for it: the server ended what we had, and the owner must hear it.
                            _ended.TrySetException(new RtmpStatusException(status.Status));
                        }

                        break;
                    case StreamEnded _:
                        _received.Writer.TryComplete();
                        break;
                }
            }

            _events.Clear();
        }

        private async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_scratch.WrittenCount == 0 || _closeSent)
            {
                // After our side was shut down an acknowledgement has nowhere to go.
                _scratch.Clear();
                return;
            }

            // Written straight from the scratch array: the gate keeps it unchanged until the write ends.
            MemoryMarshal.TryGetArray(_scratch.WrittenMemory, out var bytes);
            try
            {
                await _stream.WriteAsync(bytes.Array!, bytes.Offset, bytes.Count, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _scratch.Clear();
            }
        }
    }
}
