using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// Bytes waiting to go to one peer, from any thread, drained by one writer that sends many
    /// segments in one gathered socket write. Counts queued bytes until they are sent, so a slow
    /// reader shows up as a growing count.
    /// </summary>
    internal sealed class OutboundQueue
    {
        private readonly object _gate = new object();
        private readonly List<ArraySegment<byte>> _pending = new List<ArraySegment<byte>>();
        private TaskCompletionSource<bool>? _waiter;
        private long _queuedBytes;
        private bool _completed;

        /// <summary>Bytes queued or being written.</summary>
        public long QueuedBytes
        {
            get
            {
                lock (_gate)
                {
                    return _queuedBytes;
                }
            }
        }

        /// <summary>Queues bytes; they must not change afterwards. Returns false once completed.</summary>
        public bool Enqueue(ReadOnlyMemory<byte> bytes)
        {
            if (bytes.Length == 0)
            {
                return true;
            }

            if (!MemoryMarshal.TryGetArray(bytes, out var segment))
            {
                segment = new ArraySegment<byte>(bytes.ToArray());
            }

            TaskCompletionSource<bool>? waiter;
            lock (_gate)
            {
                if (_completed)
                {
                    return false;
                }

                _pending.Add(segment);
                _queuedBytes += segment.Count;
                waiter = _waiter;
                _waiter = null;
            }

            waiter?.TrySetResult(true);
            return true;
        }

        /// <summary>
        /// Waits until bytes are queued, then moves them into <paramref name="batch"/> (which is
        /// cleared first). Returns false when the queue is completed and empty.
        /// </summary>
        public async Task<bool> TakeAsync(List<ArraySegment<byte>> batch, int maxSegments)
        {
            while (true)
            {
                Task<bool> wait;
                lock (_gate)
                {
                    if (_pending.Count > 0)
                    {
                        // Bounded so one gathered write stays within the kernel's iovec limit.
                        batch.Clear();
                        var count = Math.Min(maxSegments, _pending.Count);
                        for (var i = 0; i < count; i++)
                        {
                            batch.Add(_pending[i]);
                        }

                        _pending.RemoveRange(0, count);
                        return true;
                    }

                    if (_completed)
                    {
                        return false;
                    }

                    _waiter ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                    wait = _waiter.Task;
                }

                await wait.ConfigureAwait(false);
            }
        }

        /// <summary>Marks bytes as written.</summary>
        public void Sent(long bytes)
        {
            lock (_gate)
            {
                _queuedBytes -= bytes;
            }
        }

        /// <summary>No more bytes will be queued; the writer ends after what is queued.</summary>
        public void Complete()
        {
            TaskCompletionSource<bool>? waiter;
            lock (_gate)
            {
                _completed = true;
                waiter = _waiter;
                _waiter = null;
            }

            waiter?.TrySetResult(false);
        }
    }
}
