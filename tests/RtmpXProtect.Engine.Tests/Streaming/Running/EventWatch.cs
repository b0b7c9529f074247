using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Running;

namespace RtmpXProtect.Engine.Tests.Streaming.Running
{
    /// <summary>Records a streamer's events and lets a test wait for one.</summary>
    internal sealed class EventWatch
    {
        private readonly object _gate = new object();
        private readonly List<StreamerEvent> _events = new List<StreamerEvent>();
        private readonly List<(Func<StreamerEvent, bool> Match, TaskCompletionSource<StreamerEvent> Done)> _waiters = new();

        public IReadOnlyList<StreamerEvent> Events
        {
            get
            {
                lock (_gate)
                {
                    return _events.ToList();
                }
            }
        }

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

        /// <summary>The first event, past or future, that matches.</summary>
        public Task<StreamerEvent> WaitFor(Func<StreamerEvent, bool> match, TimeSpan timeout)
        {
            lock (_gate)
            {
                var seen = _events.FirstOrDefault(match);
                if (seen != null)
                {
                    return Task.FromResult(seen);
                }

                var done = new TaskCompletionSource<StreamerEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((match, done));
                return done.Task.WaitAsync(timeout);
            }
        }

        /// <summary>Waits for a state reached after every event seen so far.</summary>
        public Task<StreamerEvent> WaitForNewState(StreamerState state, TimeSpan timeout)
        {
            lock (_gate)
            {
                var done = new TaskCompletionSource<StreamerEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((e => e.Kind == StreamerEventKind.StateChanged && e.State == state, done));
                return done.Task.WaitAsync(timeout);
            }
        }

        public static bool IsState(StreamerEvent e, StreamerState state) => e.Kind == StreamerEventKind.StateChanged && e.State == state;
    }
}
