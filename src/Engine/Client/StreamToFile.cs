using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Recording;
using RtmpXProtect.Engine.Rtmp;

namespace RtmpXProtect.Engine.Client
{
    /// <summary>Plays an RTMP(S) stream into an FLV file (or any stream), until it ends.</summary>
    public static class StreamToFile
    {
        /// <summary>
        /// Connects, plays the URL's stream and writes what arrives to <paramref name="output"/> as
        /// FLV (or only counts it when <paramref name="output"/> is null), until the publisher
        /// leaves, <paramref name="duration"/> passes, or the token is cancelled.
        /// </summary>
        public static async Task<TransferSummary> PlayAsync(RtmpUrl url, Stream? output, TimeSpan? duration = null, RtmpClientOptions? options = null, CancellationToken cancellationToken = default)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (duration is TimeSpan limit)
            {
                stop.CancelAfter(limit);
            }

            var summary = new TransferSummary();
            var client = await RtmpClient.ConnectAsync(url, options, stop.Token).ConfigureAwait(false);
            var writer = output == null ? null : new FlvMessageWriter(output);
            try
            {
                await client.PlayAsync(stop.Token).ConfigureAwait(false);
                while (await client.Received.WaitToReadAsync(stop.Token).ConfigureAwait(false))
                {
                    while (client.Received.TryRead(out var message))
                    {
                        writer?.Write(message);
                        summary.Count(message);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Duration reached or stopped by the caller: what arrived is kept.
            }
            finally
            {
                writer?.Dispose();
                await client.CloseAsync().ConfigureAwait(false);
            }

            return summary;
        }
    }
}
