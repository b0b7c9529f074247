using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Logging;

namespace RtmpXProtect.Engine.XProtect.Plugin.Messages
{
    /// <summary>
    /// The Management Client's side of the plugin messages: sends a request through the callback
    /// (the adapter's <c>MessageCommunication.TransmitMessage</c>) and completes it with the answer
    /// of the same id the adapter hands to <see cref="Receive"/>.
    /// </summary>
    /// <remarks>
    /// Continuations run asynchronously: the WinForms UI thread may block on a task of this
    /// channel while MIP delivers the answer on another thread, and must not run the caller's
    /// code on MIP's thread nor deadlock with it.
    /// </remarks>
    public sealed class PluginRequestChannel : IDisposable
    {
        private readonly ConcurrentDictionary<Guid, TaskCompletionSource<PluginAnswer>> _pending = new ConcurrentDictionary<Guid, TaskCompletionSource<PluginAnswer>>();
        private readonly Action<string> _send;
        private readonly TimeSpan _timeout;
        private int _disposed;

        /// <summary>Creates a channel that sends request texts with <paramref name="send"/> and waits <paramref name="timeout"/> for each answer.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The timeout is not positive (nor <see cref="Timeout.InfiniteTimeSpan"/>).</exception>
        public PluginRequestChannel(Action<string> send, TimeSpan timeout)
        {
            _send = send ?? throw new ArgumentNullException(nameof(send));
            if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(timeout), "The timeout must be positive.");
            }

            _timeout = timeout;
        }

        /// <summary>Requests waiting for their answer: zero once every one has completed, timed out or been cancelled.</summary>
        internal int PendingCount => _pending.Count;

        /// <summary>
        /// Completes the request the answer is for. An answer for no pending request (another
        /// Management Client's, a late or a repeated one) or one that cannot be read is ignored:
        /// MIP hands every listener every answer.
        /// </summary>
        public void Receive(string? answerText)
        {
            PluginAnswer answer;
            try
            {
                answer = PluginMessageCodec.DecodeAnswer(answerText);
            }
            catch (PluginMessageException)
            {
                return;
            }

            if (_pending.TryRemove(answer.Id, out var pending))
            {
                pending.TrySetResult(answer);
            }
        }

        /// <summary>Has the Event Server keep the entry's stream keys; returns the masked property bag to save as the item's configuration.</summary>
        /// <exception cref="PluginItemException">The entry breaks a rule; nothing was kept.</exception>
        /// <exception cref="PluginMessageException">No answer in time, or the Event Server could not keep the keys.</exception>
        public async Task<Dictionary<string, string>> SaveAsync(Guid itemId, PluginItemEntry entry, CancellationToken cancel = default)
        {
            if (entry == null)
            {
                throw new ArgumentNullException(nameof(entry));
            }

            var answer = await ExchangeAsync(new PluginRequest { Kind = PluginRequestKind.Save, ItemId = itemId, Entry = entry }, cancel).ConfigureAwait(false);
            if (answer.Errors != null && answer.Errors.Count > 0)
            {
                throw new PluginItemException(answer.Errors);
            }

            return answer.Properties ?? throw new PluginMessageException("The Event Server answered the Save without the item's properties.");
        }

        /// <summary>Has the Event Server forget the item's stream keys (the item is being deleted).</summary>
        /// <exception cref="PluginMessageException">No answer in time, or the Event Server could not forget them.</exception>
        public Task DeleteAsync(Guid itemId, CancellationToken cancel = default)
            => ExchangeAsync(new PluginRequest { Kind = PluginRequestKind.Delete, ItemId = itemId }, cancel);

        /// <summary>The item's state on the Event Server; null when it does not run the item.</summary>
        /// <exception cref="PluginMessageException">No answer in time, or the Event Server could not tell.</exception>
        public async Task<ItemState?> StateAsync(Guid itemId, CancellationToken cancel = default)
            => (await ExchangeAsync(new PluginRequest { Kind = PluginRequestKind.State, ItemId = itemId }, cancel).ConfigureAwait(false)).State;

        /// <summary>The item's live log lines after <paramref name="after"/>, oldest first.</summary>
        /// <exception cref="PluginMessageException">No answer in time, or the Event Server could not read the log.</exception>
        public async Task<IReadOnlyList<LogLine>> LiveLogAsync(Guid itemId, long after, CancellationToken cancel = default)
        {
            var answer = await ExchangeAsync(new PluginRequest { Kind = PluginRequestKind.LiveLog, ItemId = itemId, After = after }, cancel).ConfigureAwait(false);
            return answer.Lines ?? (IReadOnlyList<LogLine>)Array.Empty<LogLine>();
        }

        /// <summary>Fails every pending request with <see cref="ObjectDisposedException"/>; later requests fail the same way.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }

            foreach (var id in _pending.Keys)
            {
                if (_pending.TryRemove(id, out var pending))
                {
                    pending.TrySetException(new ObjectDisposedException(nameof(PluginRequestChannel)));
                }
            }
        }

        // Sends the request and waits for its answer; an answer with an Error throws it.
        private async Task<PluginAnswer> ExchangeAsync(PluginRequest request, CancellationToken cancel)
        {
            cancel.ThrowIfCancellationRequested();
            ThrowIfDisposed();
            request.Id = Guid.NewGuid();
            var text = PluginMessageCodec.Encode(request);
            var pending = new TaskCompletionSource<PluginAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[request.Id] = pending;
            if (Volatile.Read(ref _disposed) == 1)
            {
                // Dispose ran between the check and the add and did not see this one.
                Forget(request.Id, pending);
                ThrowIfDisposed();
            }

            using (var timer = new CancellationTokenSource(_timeout))
            using (timer.Token.Register(() => Fail(request.Id, pending, new PluginMessageException(NoAnswer()))))
            using (cancel.Register(() => Cancel(request.Id, pending, cancel)))
            {
                // Registered before sending: a synchronous transport may answer before Send returns.
                // Not sent when the token was cancelled while registering.
                if (!pending.Task.IsCompleted)
                {
                    try
                    {
                        _send(text);
                    }
                    catch (Exception e)
                    {
                        Fail(request.Id, pending, new PluginMessageException("The request could not be sent to the Event Server.", e));
                    }
                }

                var answer = await pending.Task.ConfigureAwait(false);
                if (answer.Error != null)
                {
                    throw new PluginMessageException(answer.Error);
                }

                return answer;
            }
        }

        private void Fail(Guid id, TaskCompletionSource<PluginAnswer> pending, Exception error)
        {
            Forget(id, pending);
            pending.TrySetException(error);
        }

        private void Cancel(Guid id, TaskCompletionSource<PluginAnswer> pending, CancellationToken cancel)
        {
            Forget(id, pending);
            pending.TrySetCanceled(cancel);
        }

        private void Forget(Guid id, TaskCompletionSource<PluginAnswer> pending)
            => ((ICollection<KeyValuePair<Guid, TaskCompletionSource<PluginAnswer>>>)_pending).Remove(new KeyValuePair<Guid, TaskCompletionSource<PluginAnswer>>(id, pending));

        private string NoAnswer()
            => $"The Event Server did not answer within {_timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s; is the RtmpXProtect background plugin running there?";

        private void ThrowIfDisposed()
        {
            if (Volatile.Read(ref _disposed) == 1)
            {
                throw new ObjectDisposedException(nameof(PluginRequestChannel));
            }
        }
    }
}
