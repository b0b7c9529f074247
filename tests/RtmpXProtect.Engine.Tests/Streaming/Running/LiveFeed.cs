using System;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Tests.Server;

namespace RtmpXProtect.Engine.Tests.Streaming.Running
{
    /// <summary>
    /// Feeds a scripted source like a camera: configs, then 25 fps with a keyframe each second,
    /// until disposed. The delay paces frames; no test waits on it.
    /// </summary>
    internal sealed class LiveFeed : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Task _loop;
        private int _pushed;

        public LiveFeed(ScriptedSource source, int frameMs = 40)
        {
            _loop = Task.Run(async () =>
            {
                source.Push(Frames.Frame(MessageType.DataAmf0, 0, Frames.Metadata()));
                source.Push(Frames.Frame(MessageType.Video, 0, Frames.AvcSequenceHeader()));
                for (var i = 0; !_stop.IsCancellationRequested; i++)
                {
                    var t = (uint)(i * frameMs);
                    source.Push(i % 25 == 0 ? Frames.Key(t) : Frames.Inter(t));
                    Interlocked.Increment(ref _pushed);
                    try
                    {
                        await Task.Delay(frameMs, _stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            });
        }

        public int Pushed => Volatile.Read(ref _pushed);

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            await _loop;
            _stop.Dispose();
        }
    }
}
