using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Engine.XProtect.Plugin;

namespace RtmpXProtect.Engine.Tests.XProtect.Plugin
{
    /// <summary>Records System Log entries and lets a test wait for one.</summary>
    internal sealed class RecordingSystemLog : ISystemLog
    {
        private readonly object _gate = new object();
        private TaskCompletionSource<bool> _written = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<SystemLogEntry> Entries { get; } = new ConcurrentQueue<SystemLogEntry>();

        public void Write(SystemLogEntry entry)
        {
            Entries.Enqueue(entry);
            lock (_gate)
            {
                _written.TrySetResult(true);
                _written = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        public int Count(SystemLogEntryKind kind) => Entries.Count(e => e.Definition.Kind == kind);

        /// <summary>Waits until <paramref name="count"/> entries of <paramref name="kind"/> were written.</summary>
        public async Task<SystemLogEntry> WaitForAsync(SystemLogEntryKind kind, TimeSpan timeout, int count = 1)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                Task next;
                lock (_gate)
                {
                    next = _written.Task;
                }

                var found = Entries.Where(e => e.Definition.Kind == kind).ToList();
                if (found.Count >= count)
                {
                    return found[count - 1];
                }

                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || await Task.WhenAny(next, Task.Delay(left)) != next)
                {
                    throw new TimeoutException($"{count} {kind} entries not written in {timeout}; written: " + string.Join(" | ", Entries.Select(e => e.Text)));
                }
            }
        }
    }
}
