using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Streaming.Sources
{
    /// <summary>
    /// Plays an rtmp:// or rtmps:// stream from any server and yields its audio, video and
    /// metadata. It ends when the publisher stops (the server's UnpublishNotify or stream EOF).
    /// </summary>
    public sealed class RtmpPullSource : IFrameSource
    {
        private readonly RtmpUrl _url;
        private readonly string _shown;
        private readonly RtmpClientOptions _options;

        /// <summary>Plays <paramref name="url"/>; <paramref name="options"/> say whether an untrusted certificate is accepted.</summary>
        /// <exception cref="FrameSourceException">The URL is not an RTMP(S) URL (the message does not repeat it).</exception>
        public RtmpPullSource(string url, RtmpClientOptions? options = null)
        {
            if (!RtmpUrl.TryParse(url ?? string.Empty, out var parsed, out _) || parsed == null)
            {
                throw new FrameSourceException("The source is not an rtmp:// or rtmps:// URL of the form rtmp://host[:port]/app/stream.");
            }

            _url = parsed;
            _shown = DestinationDefinition.Mask(url!);
            _options = options ?? new RtmpClientOptions();
        }

        /// <inheritdoc />
        public string Description => _shown;

        /// <inheritdoc />
        public async IAsyncEnumerable<MediaFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var client = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                while (true)
                {
                    RtmpMessage? message;
                    try
                    {
                        if (!await client.Received.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            yield break;
                        }

                        client.Received.TryRead(out message);
                    }
                    catch (Exception e) when (IsConnectionFailure(e))
                    {
                        throw new FrameSourceException($"{Description} failed while playing: {e.GetType().Name}.", e is RtmpStatusException ? null : e);
                    }

                    if (message == null)
                    {
                        continue;
                    }

                    var frame = MediaFrame.From(message);
                    if (message.Type == MessageType.Audio || message.Type == MessageType.Video || frame.Kind == FrameKind.Metadata)
                    {
                        yield return frame;
                    }
                }
            }
            finally
            {
                await client.CloseAsync().ConfigureAwait(false);
            }
        }

        /// <inheritdoc />
        public ValueTask DisposeAsync() => default;

        private static bool IsConnectionFailure(Exception e) =>
            e is IOException || e is SocketException || e is AuthenticationException || e is TimeoutException || e is RtmpStatusException || e is ObjectDisposedException;

        private async Task<RtmpClient> ConnectAsync(CancellationToken cancellationToken)
        {
            RtmpClient? client = null;
            try
            {
                client = await RtmpClient.ConnectAsync(_url, _options, cancellationToken).ConfigureAwait(false);
                await client.PlayAsync(cancellationToken).ConfigureAwait(false);
                return client;
            }
            catch (Exception e) when (IsConnectionFailure(e))
            {
                if (client != null)
                {
                    await client.DisposeAsync().ConfigureAwait(false);
                }

                // Status descriptions and socket messages may quote the stream name: only codes go out.
                var reason = e switch
                {
                    RtmpStatusException status => "the server answered " + status.Status.Code,
                    AuthenticationException _ => "its TLS certificate is not trusted (allowUntrustedCertificate is off)",
                    SocketException socket => "socket error " + socket.SocketErrorCode,
                    TimeoutException _ => "no connection within " + _options.ConnectTimeout.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " s",
                    _ => e.GetType().Name,
                };
                // The inner status exception would carry the server's description: it is left out.
                throw new FrameSourceException($"Cannot play {Description}: {reason}.", e is RtmpStatusException ? null : e);
            }
        }
    }
}
