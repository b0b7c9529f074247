using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Amf;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Media.Flv;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Commands;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Streaming;
using Serilog;

namespace RtmpXProtect.Cli.Streaming
{
    /// <summary>
    /// GLUE until the engine's streamer is merged: an .flv file sent, looped and paced in real time,
    /// to each destination with the engine's RTMP client. No audio or codec handling (the file's
    /// tags go as they are), no backoff beyond a fixed pause between tries.
    /// </summary>
    internal sealed class FlvFileRelayRun : IRelayRun
    {
        private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);

        public Task RunAsync(StreamDefinition stream, RelayProgress progress, ILogger log, CancellationToken stop)
        {
            if (!stream.Source.EndsWith(".flv", StringComparison.OrdinalIgnoreCase) || !File.Exists(stream.Source))
            {
                progress.SetState(StreamerState.Error, "only .flv file sources are supported by this build");
                log.Error("Stream {Name}: only .flv file sources are supported by this build", stream.Name);
                return Task.Delay(Timeout.Infinite, stop).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            if (stream.Audio == AudioMode.Silent || stream.Audio == AudioMode.None || stream.Video == VideoCodecPolicy.RequireH264)
            {
                // Sending the file's tracks anyway would be a setting silently ignored.
                progress.SetState(StreamerState.Error, "audio silent/none and video requireH264 need the engine's streamer, not in this build");
                log.Error("Stream {Name}: audio {Audio} / video {Video} are not supported by this build", stream.Name, stream.Audio, stream.Video);
                return Task.Delay(Timeout.Infinite, stop).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            progress.SetState(StreamerState.Connecting);
            return Task.WhenAll(stream.Destinations.Select(d => SendLoopAsync(stream.Source, d, progress, log, stop)));
        }

        private static async Task SendLoopAsync(string path, DestinationDefinition destination, RelayProgress progress, ILogger log, CancellationToken stop)
        {
            var url = RtmpUrl.Parse(destination.Url);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    progress.SetState(StreamerState.Connecting);
                    log.Information("Connecting to {Destination}", destination.Shown);
                    await using var client = await RtmpClient.ConnectAsync(url, new RtmpClientOptions { AllowUntrustedCertificate = destination.AllowUntrustedCertificate }, stop);
                    await client.PublishAsync(stop);
                    progress.SetState(StreamerState.Streaming);
                    log.Information("Streaming to {Destination}", destination.Shown);
                    await SendFileLoopedAsync(path, client, progress, stop);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is IOException || e is System.Net.Sockets.SocketException || e is RtmpStatusException || e is RtmpProtocolException || e is System.Security.Authentication.AuthenticationException || e is TimeoutException)
                {
                    // The engine's messages name the host, never the stream name.
                    progress.SetState(StreamerState.Reconnecting, e.Message);
                    log.Warning("{Destination} failed ({Error}); trying again in {Seconds} s", destination.Shown, e.Message, RetryPause.TotalSeconds);
                    try
                    {
                        await Task.Delay(RetryPause, stop);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
        }

        // Each pass continues the timestamps of the last, so the destination sees one stream.
        private static async Task SendFileLoopedAsync(string path, RtmpClient client, RelayProgress progress, CancellationToken stop)
        {
            var setDataFrame = Amf0Writer.Serialize(CommandNames.SetDataFrame);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            long offset = 0;
            while (!stop.IsCancellationRequested)
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
                var reader = new FlvReader(file, RtmpXProtect.Engine.WireLimits.Default);
                uint? origin = null;
                long last = offset;
                while (reader.ReadTag() is FlvTag tag)
                {
                    origin ??= tag.Timestamp;
                    var at = offset + RtmpTime.Delta(tag.Timestamp, origin.Value);
                    var due = at - clock.ElapsedMilliseconds;
                    if (due > 0)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(due), stop);
                    }

                    var message = tag.Type switch
                    {
                        FlvTagType.Audio => new RtmpMessage(MessageType.Audio, (uint)at, 0, tag.Body),
                        FlvTagType.Video => new RtmpMessage(MessageType.Video, (uint)at, 0, tag.Body),
                        FlvTagType.Script when offset == 0 => new RtmpMessage(MessageType.DataAmf0, (uint)at, 0, setDataFrame.Concat(tag.Body).ToArray()),
                        _ => null,
                    };
                    if (message == null)
                    {
                        continue;
                    }

                    await client.SendAsync(message, stop);
                    progress.Sent(message.Payload.Length, tag.Type == FlvTagType.Video, tag.Type == FlvTagType.Audio);
                    last = Math.Max(last, at);
                }

                offset = last + 40;
            }
        }
    }
}
