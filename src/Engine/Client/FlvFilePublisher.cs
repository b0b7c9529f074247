using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Amf;
using RtmpXProtect.Engine.Media.Flv;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Commands;
using RtmpXProtect.Engine.Rtmp.Messages;

namespace RtmpXProtect.Engine.Client
{
    /// <summary>Publishes an FLV file to an RTMP(S) URL, paced like a live encoder unless told otherwise.</summary>
    public static class FlvFilePublisher
    {
        /// <summary>
        /// Connects, publishes the URL's stream and sends every tag of <paramref name="path"/>;
        /// onMetaData goes as @setDataFrame so the server keeps it for players.
        /// </summary>
        /// <param name="path">The FLV file.</param>
        /// <param name="url">Where to publish.</param>
        /// <param name="realtime">Send each tag at its timestamp, like a camera (otherwise as fast as the server reads).</param>
        /// <param name="options">Client options.</param>
        /// <param name="cancellationToken">Stops publishing; the publish is still closed cleanly.</param>
        /// <returns>What was sent.</returns>
        public static async Task<TransferSummary> PublishAsync(string path, RtmpUrl url, bool realtime, RtmpClientOptions? options = null, CancellationToken cancellationToken = default)
        {
            options ??= new RtmpClientOptions();
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
            var reader = new FlvReader(file, options.Limits);
            var client = await RtmpClient.ConnectAsync(url, options, cancellationToken).ConfigureAwait(false);
            var summary = new TransferSummary();
            try
            {
                await client.PublishAsync(cancellationToken).ConfigureAwait(false);
                var clock = Stopwatch.StartNew();
                uint? origin = null;
                var setDataFrame = Amf0Writer.Serialize(CommandNames.SetDataFrame);
                while (!cancellationToken.IsCancellationRequested && reader.ReadTag() is FlvTag tag)
                {
                    var message = ToMessage(tag, setDataFrame);
                    if (message == null)
                    {
                        continue;
                    }

                    origin ??= tag.Timestamp;
                    if (realtime)
                    {
                        var due = RtmpTime.Delta(tag.Timestamp, origin.Value) - clock.ElapsedMilliseconds;
                        if (due > 0)
                        {
                            await Task.Delay(TimeSpan.FromMilliseconds(due), cancellationToken).ConfigureAwait(false);
                        }
                    }

                    await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
                    summary.Count(message);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped by the caller: close the publish below like an encoder would.
            }
            finally
            {
                await client.CloseAsync().ConfigureAwait(false);
            }

            return summary;
        }

        private static RtmpMessage? ToMessage(FlvTag tag, byte[] setDataFrame)
        {
            switch (tag.Type)
            {
                case FlvTagType.Audio:
                    return new RtmpMessage(MessageType.Audio, tag.Timestamp, 0, tag.Body);
                case FlvTagType.Video:
                    return new RtmpMessage(MessageType.Video, tag.Timestamp, 0, tag.Body);
                case FlvTagType.Script:
                    var body = new byte[setDataFrame.Length + tag.Body.Length];
                    setDataFrame.CopyTo(body, 0);
                    tag.Body.CopyTo(body, setDataFrame.Length);
                    return new RtmpMessage(MessageType.DataAmf0, tag.Timestamp, 0, body);
                default:
                    return null;
            }
        }
    }
}
