using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Running;

namespace RtmpXProtect.Interop.Tests.Streaming;

/// <summary>Records a streamer's events and lets a test wait for one, past or future.</summary>
public sealed class PeerEventWatch
{
    private readonly object _gate = new();
    private readonly List<StreamerEvent> _events = new();
    private readonly List<(Func<StreamerEvent, bool> Match, TaskCompletionSource<StreamerEvent> Done)> _waiters = new();

    public void Add(StreamerEvent e)
    {
        lock (_gate)
        {
            _events.Add(e);
            foreach (var waiter in _waiters.Where(w => w.Match(e)).ToList())
            {
                waiter.Done.TrySetResult(e);
                _waiters.Remove(waiter);
            }
        }
    }

    public Task<StreamerEvent> WaitFor(Func<StreamerEvent, bool> match, TimeSpan timeout)
    {
        lock (_gate)
        {
            var seen = _events.FirstOrDefault(match);
            return seen != null ? Task.FromResult(seen) : Future(match, timeout);
        }
    }

    public Task<StreamerEvent> WaitForNewState(StreamerState state, TimeSpan timeout)
    {
        lock (_gate)
        {
            return Future(e => e.Kind == StreamerEventKind.StateChanged && e.State == state, timeout);
        }
    }

    private Task<StreamerEvent> Future(Func<StreamerEvent, bool> match, TimeSpan timeout)
    {
        var done = new TaskCompletionSource<StreamerEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Add((match, done));
        return done.Task.WaitAsync(timeout);
    }
}
