using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Bench.Load.Players;
using RtmpXProtect.Engine;
using RtmpXProtect.Engine.Client;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Messages;

namespace RtmpXProtect.Bench.Load.Publishing;

/// <summary>
/// Publishes a <see cref="MediaFile"/> in a loop with continuous timestamps, paced in real time
/// like an encoder, through the engine's RtmpClient. Records when each video message went out.
/// </summary>
internal sealed class LoopingPublisher
{
    private readonly MediaFile _media;
    private readonly StreamTarget _target;
    private readonly SendLog? _log;
    private readonly TaskCompletionSource<bool> _publishing = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _mediaBytes;
    private long _lastKeyframeTicks;

    public LoopingPublisher(MediaFile media, StreamTarget target, SendLog? log = null)
    {
        _media = media;
        _target = target;
        _log = log;
    }

    /// <summary>Completes on Publish.Start; faults when the publisher failed first.</summary>
    public Task Publishing => _publishing.Task;

    public long MediaBytesSent => Volatile.Read(ref _mediaBytes);

    /// <summary>Stopwatch ticks when the last keyframe went out; 0 before the first.</summary>
    public long LastKeyframeTicks => Volatile.Read(ref _lastKeyframeTicks);

    public bool Disconnected { get; private set; }

    public string? Failure { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        RtmpClient? client = null;
        try
        {
            var url = RtmpUrl.Parse(_target.ToString());
            client = await RtmpClient.ConnectAsync(url, new RtmpClientOptions(), stop).ConfigureAwait(false);
            await client.PublishAsync(stop).ConfigureAwait(false);
            _publishing.TrySetResult(true);
            foreach (var header in _media.Headers)
            {
                await client.SendAsync(header, stop).ConfigureAwait(false);
            }

            var clock = Stopwatch.StartNew();
            for (uint loop = 0; ; loop++)
            {
                var offset = loop * _media.LoopMilliseconds;
                foreach (var frame in _media.Frames)
                {
                    var timestamp = frame.Timestamp + offset;
                    var due = timestamp - clock.ElapsedMilliseconds;
                    if (due > 0)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(due), stop).ConfigureAwait(false);
                    }

                    var now = Stopwatch.GetTimestamp();
                    if (frame.Type == MessageType.Video)
                    {
                        _log?.Record(timestamp, frame.Payload.Length, now);
                        if (MediaFile.IsKeyframe(frame))
                        {
                            Volatile.Write(ref _lastKeyframeTicks, now);
                        }
                    }

                    await client.SendAsync(frame.With(timestamp, 0), stop).ConfigureAwait(false);
                    Interlocked.Add(ref _mediaBytes, frame.Payload.Length);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            Disconnected = true;
            Failure = e.Message;
        }
        finally
        {
            _publishing.TrySetException(new InvalidOperationException(Failure ?? "stopped before Publish.Start"));
            if (client != null)
            {
                await client.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
