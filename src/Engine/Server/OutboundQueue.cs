using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Buffers;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// Bytes waiting to go to one peer, queued from any thread. The thread that queues into an idle
    /// queue writes at once, gathering everything queued into one non-blocking send; only when the
    /// socket is full does writing continue asynchronously. Fan-out so costs one send per player
    /// per message on the publisher's thread, with no thread-pool hop and no allocation.
    /// Queued bytes are counted until sent, so a slow reader shows up as a growing count. Bytes in a
    /// pooled <see cref="SharedBuffer"/> keep their reference until written, then let it go.
    /// A TLS stream has neither gathered nor non-blocking writes: it drains through one asynchronous
    /// writer instead, started by the enqueue that finds the queue idle, with the same accounting.
    /// </summary>
    internal sealed class OutboundQueue
    {
        // One gathered send stays within the kernel's iovec limit (1024 on Linux).
        private const int MaxSegmentsPerWrite = 256;

        // Small messages are copied together before one stream write (one TLS record, one send);
        // 64 KiB is four full TLS records, and larger segments are written as they are.
        private const int MergeBufferSize = 64 * 1024;
        private readonly Socket? _socket;
        private readonly Stream? _stream;
        private readonly Action<string> _fail;
        private readonly object _gate = new object();
        private readonly List<ArraySegment<byte>> _pending = new List<ArraySegment<byte>>();
        private readonly List<ArraySegment<byte>> _batch = new List<ArraySegment<byte>>();

        // The pooled buffers under the segments, index for index (null for arrays of their own):
        // each holds one reference, let go once its bytes are written or the queue fails.
        private readonly List<SharedBuffer?> _pendingOwners = new List<SharedBuffer?>();
        private readonly List<SharedBuffer?> _batchOwners = new List<SharedBuffer?>();
        private readonly TaskCompletionSource<bool> _drained = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _queuedBytes;
        private long _enqueuedBytes;
        private bool _writing;
        private bool _completed;
        private bool _failed;

        /// <summary>Creates the queue of <paramref name="socket"/>, which must be non-blocking.</summary>
        public OutboundQueue(Socket socket, Action<string> fail)
        {
            _socket = socket;
            _fail = fail;
        }

        /// <summary>Creates the queue of <paramref name="stream"/>, written by one asynchronous writer at a time.</summary>
        public OutboundQueue(Stream stream, Action<string> fail)
        {
            _stream = stream;
            _fail = fail;
        }

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

        /// <summary>Bytes ever queued (what a status reports as sent); counted under the lock the enqueue takes anyway.</summary>
        public long EnqueuedBytes
        {
            get
            {
                lock (_gate)
                {
                    return _enqueuedBytes;
                }
            }
        }

        /// <summary>Completes when the queue is completed and everything in it was written (or writing failed).</summary>
        public Task Drained => _drained.Task;

        /// <summary>
        /// Queues bytes, which must not change afterwards, and writes them if nobody is. With
        /// <paramref name="flush"/> false they wait for the next flushing enqueue, to share its
        /// send. False once completed.
        /// </summary>
        public bool Enqueue(ReadOnlyMemory<byte> bytes, bool flush = true) => Enqueue(bytes, null, flush);

        /// <summary>
        /// Like <see cref="Enqueue(ReadOnlyMemory{byte}, bool)"/> for bytes in <paramref name="owner"/>,
        /// whose reference the queue takes over: it lets it go once the bytes are written, or at once
        /// when it does not queue them.
        /// </summary>
        public bool Enqueue(ReadOnlyMemory<byte> bytes, SharedBuffer? owner, bool flush)
        {
            if (bytes.Length == 0)
            {
                owner?.Release();
                return true;
            }

            if (!MemoryMarshal.TryGetArray(bytes, out var segment))
            {
                segment = new ArraySegment<byte>(bytes.ToArray());
                owner?.Release();
                owner = null;
            }

            lock (_gate)
            {
                if (_completed || _failed)
                {
                    owner?.Release();
                    return false;
                }

                _pending.Add(segment);
                _pendingOwners.Add(owner);
                _queuedBytes += segment.Count;
                _enqueuedBytes += segment.Count;
                if (_writing || !flush)
                {
                    return true;
                }

                _writing = true;
            }

            if (_stream != null)
            {
                _ = DrainToStreamAsync(_stream);
            }
            else
            {
                WriteNow();
            }

            return true;
        }

        /// <summary>No more bytes will be queued; <see cref="Drained"/> completes after what is queued.</summary>
        public void Complete()
        {
            lock (_gate)
            {
                _completed = true;
                if (_writing)
                {
                    return;
                }
            }

            _drained.TrySetResult(true);
        }

        private void WriteNow()
        {
            while (TakeBatch(out var total))
            {
                int sent;
                SocketError error;
                try
                {
                    sent = _socket!.Send(_batch, SocketFlags.None, out error);
                }
                catch (ObjectDisposedException)
                {
                    Fail("connection closed");
                    return;
                }

                if (error == SocketError.Success && sent == total)
                {
                    Sent(total);
                    continue;
                }

                if (error == SocketError.Success || error == SocketError.WouldBlock)
                {
                    _ = WriteAsync(Math.Max(sent, 0), total);
                    return;
                }

                Fail("write failed: " + error);
                return;
            }
        }

        // The socket is full: finish this batch and drain the queue asynchronously; the next
        // Enqueue into an empty queue writes synchronously again.
        private async Task WriteAsync(long sent, long total)
        {
            try
            {
                while (true)
                {
                    while (sent < total)
                    {
                        sent += await _socket!.SendAsync(Remaining(_batch, sent), SocketFlags.None).ConfigureAwait(false);
                    }

                    Sent(total);
                    if (!TakeBatch(out total))
                    {
                        return;
                    }

                    sent = 0;
                }
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
            {
                Fail("write failed: " + e.Message);
            }
        }

        // Runs synchronously on the enqueuing thread until a write has to wait, then on the stream's
        // completions; _writing keeps it the only writer, as SslStream requires.
        private async Task DrainToStreamAsync(Stream stream)
        {
            byte[]? merge = null;
            try
            {
                while (TakeBatch(out var total))
                {
                    var used = 0;
                    foreach (var segment in _batch)
                    {
                        if (segment.Count >= MergeBufferSize / 2 || segment.Count > MergeBufferSize - used)
                        {
                            // What is merged so far goes first: the wire order is the queue order.
                            if (used > 0)
                            {
                                await stream.WriteAsync(merge!, 0, used).ConfigureAwait(false);
                                used = 0;
                            }

                            if (segment.Count >= MergeBufferSize / 2)
                            {
                                await stream.WriteAsync(segment.Array!, segment.Offset, segment.Count).ConfigureAwait(false);
                                continue;
                            }
                        }

                        merge ??= MediaArrayPool.Media.Rent(MergeBufferSize);
                        Buffer.BlockCopy(segment.Array!, segment.Offset, merge, used, segment.Count);
                        used += segment.Count;
                    }

                    if (used > 0)
                    {
                        await stream.WriteAsync(merge!, 0, used).ConfigureAwait(false);
                    }

                    Sent(total);
                }
            }
            catch (Exception e)
            {
                // Whatever a closed or failed stream throws ends this peer, never the process.
                Fail("write failed: " + e.Message);
            }
            finally
            {
                if (merge != null)
                {
                    MediaArrayPool.Media.Return(merge);
                }
            }
        }

        private bool TakeBatch(out long total)
        {
            total = 0;
            lock (_gate)
            {
                _batch.Clear();
                _batchOwners.Clear();
                if (_pending.Count == 0 || _failed)
                {
                    _writing = false;
                    if (_completed)
                    {
                        _drained.TrySetResult(true);
                    }

                    return false;
                }

                var count = Math.Min(MaxSegmentsPerWrite, _pending.Count);
                for (var i = 0; i < count; i++)
                {
                    _batch.Add(_pending[i]);
                    _batchOwners.Add(_pendingOwners[i]);
                    total += _pending[i].Count;
                }

                _pending.RemoveRange(0, count);
                _pendingOwners.RemoveRange(0, count);
                return true;
            }
        }

        // The batch is written: its pooled buffers are let go (the kernel has copied them).
        private void Sent(long bytes)
        {
            lock (_gate)
            {
                _queuedBytes -= bytes;
                ReleaseAll(_batchOwners);
            }
        }

        private void Fail(string reason)
        {
            lock (_gate)
            {
                _failed = true;
                _writing = false;
                _pending.Clear();
                _batch.Clear();
                ReleaseAll(_pendingOwners);
                ReleaseAll(_batchOwners);
                _queuedBytes = 0;
            }

            _drained.TrySetResult(false);
            _fail(reason);
        }

        private static void ReleaseAll(List<SharedBuffer?> owners)
        {
            foreach (var owner in owners)
            {
                owner?.Release();
            }

            owners.Clear();
        }

        // A send may stop part-way; what is left starts inside one of the segments.
        private static List<ArraySegment<byte>> Remaining(List<ArraySegment<byte>> batch, long sent)
        {
            if (sent == 0)
            {
                return batch;
            }

            var rest = new List<ArraySegment<byte>>(batch.Count);
            foreach (var segment in batch)
            {
                if (sent >= segment.Count)
                {
                    sent -= segment.Count;
                    continue;
                }

                rest.Add(sent == 0 ? segment : new ArraySegment<byte>(segment.Array!, segment.Offset + (int)sent, segment.Count - (int)sent));
                sent = 0;
            }

            return rest;
        }
    }
}
