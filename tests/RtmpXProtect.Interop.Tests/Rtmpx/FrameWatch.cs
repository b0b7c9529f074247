using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>A sink on a live stream that completes once it has seen a number of video frames.</summary>
public sealed class FrameWatch : IMediaSink
{
    private readonly int _frames;
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _seen;

    private FrameWatch(int frames) => _frames = frames;

    /// <summary>Waits until the stream has delivered <paramref name="frames"/> video frames after this call.</summary>
    public static async Task WaitAsync(RtmpServer server, string key, int frames, TimeSpan timeout)
    {
        var watch = new FrameWatch(frames);
        var stream = server.Hub.Subscribe(key, watch);
        try
        {
            await watch._reached.Task.WaitAsync(timeout);
        }
        finally
        {
            server.Hub.Unsubscribe(stream, watch);
        }
    }

    public void OnStart(IReadOnlyList<MediaFrame> cached, bool newPublisher)
    {
    }

    public void OnFrame(MediaFrame frame)
    {
        if ((frame.Kind == FrameKind.Video || frame.Kind == FrameKind.VideoKeyFrame) && Interlocked.Increment(ref _seen) >= _frames)
        {
            _reached.TrySetResult();
        }
    }

    public void OnStop() => _reached.TrySetException(new InvalidOperationException("The publisher left before enough frames arrived."));
}
