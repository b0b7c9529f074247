using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.GenericByteData;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Sources;
using RtmpXProtect.Engine.XProtect.Connection;
using RtmpXProtect.Engine.XProtect.ImageServer;
using RtmpXProtect.Engine.XProtect.Timing;

namespace RtmpXProtect.Engine.XProtect.Live
{
    /// <summary>
    /// A camera's live video from its Recording Server, over XProtect's open protocols, as RTMP
    /// video: H.264 as AVC, H.265 as Enhanced RTMP hvc1, times from the bitstream with the
    /// recorder's stamps as the clock. The token is refreshed under the running socket
    /// (connectupdate), so pictures keep flowing; a camera the recorder reports lost sends no
    /// pictures, which the streamer reports as "source stalled"; a lost recorder ends the read
    /// with an error, and the streamer reopens it with backoff.
    /// </summary>
    public sealed class XProtectLiveSource : IFrameSource
    {
        private readonly XProtectSourceOptions _options;
        private readonly string _camera;

        /// <summary>The camera <paramref name="camera"/> (an id, or a unique name) of the server in <paramref name="options"/>.</summary>
        public XProtectLiveSource(string camera, XProtectSourceOptions options)
        {
            _camera = string.IsNullOrWhiteSpace(camera) ? throw new ArgumentException("A camera id or name is needed.", nameof(camera)) : camera.Trim();
            _options = options ?? throw new ArgumentNullException(nameof(options));
        }

        /// <inheritdoc />
        public string Description => $"XProtect camera {_camera} on {_options.Server.ShownServer}";

        /// <summary>Whether the recorder said in its last status that it has lost the camera.</summary>
        public bool CameraDisconnected { get; private set; }

        /// <summary>Token refreshes handed to the open socket (connectupdate), over all reads.</summary>
        public int TokenUpdates { get; private set; }

        /// <inheritdoc />
        public async IAsyncEnumerable<MediaFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var (session, connection, connectedWith) = await OpenAsync(cancellationToken).ConfigureAwait(false);
            var failure = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
            void Refreshed(RecorderToken token) => _ = UpdateAsync(connection, token, failure, cancellationToken);
            session.RecorderTokenRefreshed += Refreshed;
            if (!ReferenceEquals(session.RecorderToken, connectedWith))
            {
                // A refresh came between the connect and the subscription.
                Refreshed(session.RecorderToken);
            }

            try
            {
                await Guard(() => connection.StartLiveAsync(cancellationToken)).ConfigureAwait(false);
                var times = new RecorderPictureTimes();
                AnnexBToFlv? converter = null;
                long? origin = null;
                while (true)
                {
                    if (failure.Task.IsCompleted)
                    {
                        throw Failed(failure.Task.Result);
                    }

                    var message = await Guard(() => connection.ReadAsync(cancellationToken)).ConfigureAwait(false);
                    switch (message)
                    {
                        case LivePackage status:
                            CameraDisconnected = status.CameraDisconnected;
                            break;
                        case MethodResponse response when response.ErrorReason != null:
                            throw new FrameSourceException($"{Description}: the recorder refused {response.MethodName}: {ServerText.Shown(response.ErrorReason)}.");
                        case ImageReply reply:
                            foreach (var part in reply.Parts)
                            {
                                foreach (var timed in times.Push(Picture(part)))
                                {
                                    origin ??= timed.DecodeTime;
                                    converter = GenericByteDataSource.ConverterFor(timed.Item.Header.Codec, converter, Description);
                                    foreach (var body in Convert(converter, timed, origin.Value))
                                    {
                                        yield return MediaFrame.From(new RtmpMessage(MessageType.Video, (uint)(timed.DecodeTime - origin.Value), 0, body));
                                    }
                                }
                            }

                            break;
                    }
                }
            }
            finally
            {
                session.RecorderTokenRefreshed -= Refreshed;
                await connection.DisposeAsync().ConfigureAwait(false);
                await session.DisposeAsync().ConfigureAwait(false);
            }
        }

        /// <inheritdoc />
        public ValueTask DisposeAsync() => default;

        private async Task<(XProtectSession, ImageServerConnection, RecorderToken)> OpenAsync(CancellationToken cancellationToken)
        {
            var session = await Guard(() => XProtectSession.OpenAsync(_options.Server, cancellationToken)).ConfigureAwait(false);
            try
            {
                var camera = await Guard(() => session.FindCameraAsync(_camera, cancellationToken)).ConfigureAwait(false);
                var address = await Guard(() => session.GetImageServerAsync(camera, cancellationToken)).ConfigureAwait(false);
                var token = session.RecorderToken;
                var connection = await Guard(() => ImageServerConnection.ConnectAsync(address, camera.Id, token, _options.ImageServer.WithCertificatePolicy(_options.Server.AllowUntrustedCertificate), cancellationToken)).ConfigureAwait(false);
                return (session, connection, token);
            }
            catch
            {
                await session.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        private async Task UpdateAsync(ImageServerConnection connection, RecorderToken token, TaskCompletionSource<Exception> failure, CancellationToken cancellationToken)
        {
            try
            {
                await connection.UpdateTokenAsync(token, cancellationToken).ConfigureAwait(false);
                TokenUpdates++;
            }
            catch (Exception e) when (e is ImageServerException || e is ObjectDisposedException || e is OperationCanceledException)
            {
                failure.TrySetResult(e);
            }
        }

        private GenericByteDataFrame Picture(byte[] part)
        {
            if (ImageReply.IsJpeg(part))
            {
                throw new FrameSourceException($"{Description} sends JPEG; RTMP carries H.264 and H.265 (export the camera to MP4 instead).");
            }

            try
            {
                return GenericByteDataReader.Parse(part, WireLimits.Default);
            }
            catch (MediaFormatException e)
            {
                throw new FrameSourceException($"{Description}: a picture is not valid GenericByteData: {e.Message}", e);
            }
        }

        private IReadOnlyList<byte[]> Convert(AnnexBToFlv converter, TimedPicture<GenericByteDataFrame> timed, long origin)
        {
            try
            {
                return converter.Convert(timed.Item.Payload.Span, timed.DecodeTime - origin, timed.PresentationTime - origin, timed.Item.Header.IsSyncFrame);
            }
            catch (MediaFormatException e)
            {
                throw new FrameSourceException($"{Description}: picture {timed.Item.Header.SequenceNumber} is not valid video: {e.Message}", e);
            }
        }

        private FrameSourceException Failed(Exception e) => new FrameSourceException($"{Description}: {e.Message}", e);

        // Every failure of the XProtect side becomes the streamer's FrameSourceException, with a message naming no secret.
        private async Task<T> Guard<T>(Func<Task<T>> step)
        {
            try
            {
                return await step().ConfigureAwait(false);
            }
            catch (Exception e) when (e is XProtectException || e is ImageServerException || e is ImageServerProtocolException)
            {
                throw Failed(e);
            }
        }
    }
}
