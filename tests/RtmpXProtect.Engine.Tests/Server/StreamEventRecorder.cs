using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Tests.Server
{
    /// <summary>Collects a server's stream events so a test can wait for the n-th one instead of sleeping.</summary>
    internal sealed class StreamEventRecorder
    {
        private readonly object _gate = new object();
        private readonly List<StreamEvent> _events = new List<StreamEvent>();
        private readonly List<(int Count, TaskCompletionSource<bool> Done)> _waiters = new List<(int, TaskCompletionSource<bool>)>();

        public StreamEventRecorder(RtmpServer server)
        {
            server.StreamStarted += Add;
            server.StreamStopped += Add;
        }

        public IReadOnlyList<StreamEvent> Events
        {
            get
            {
                lock (_gate)
                {
                    return _events.ToArray();
                }
            }
        }

        /// <summary>Completes once <paramref name="count"/> events were raised; fails after 20 s.</summary>
        public async Task<IReadOnlyList<StreamEvent>> WaitFor(int count)
        {
            var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                if (_events.Count >= count)
                {
                    return _events.ToArray();
                }

                _waiters.Add((count, done));
            }

            await done.Task.WaitAsync(TimeSpan.FromSeconds(20));
            return Events;
        }

        private void Add(StreamEvent e)
        {
            lock (_gate)
            {
                _events.Add(e);
                foreach (var waiter in _waiters)
                {
                    if (_events.Count >= waiter.Count)
                    {
                        waiter.Done.TrySetResult(true);
                    }
                }
            }
        }
    }
}
