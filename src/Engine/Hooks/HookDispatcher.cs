using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using Serilog;

namespace RtmpXProtect.Engine.Hooks
{
    /// <summary>
    /// Delivers stream events to the configured hooks off the publisher's thread: events wait in a
    /// bounded queue (a full one drops with a warning) and one loop delivers them in order, every
    /// hook of an event at once, so a slow hook delays later events but never a stream.
    /// </summary>
    internal sealed class HookDispatcher
    {
        private readonly HookOptions _options;
        private readonly ILogger _log;
        private readonly Channel<StreamEvent> _queue;
        private readonly CancellationTokenSource _abandon = new CancellationTokenSource();
        private readonly HttpClient _http;
        private readonly WebhookSender _webhooks;
        private readonly CommandHookRunner _commands;
        private readonly Task _loop;

        public HookDispatcher(HookOptions options, ILogger log)
        {
            _options = options;
            _log = log;
            _queue = Channel.CreateBounded<StreamEvent>(new BoundedChannelOptions(Math.Max(1, options.QueueCapacity))
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            });

            // Per-attempt timeouts come from each target; the client's own would cut them all short.
            _http = new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            _webhooks = new WebhookSender(_http, log);
            _commands = new CommandHookRunner(log);
            _loop = Task.Run(DeliverLoopAsync);
        }

        /// <summary>Queues an event; returns at once, and drops it with a warning when the queue is full.</summary>
        public void Post(StreamEvent e)
        {
            if (!_queue.Writer.TryWrite(e))
            {
                _log.Warning("Hook queue full ({Capacity} events): {Event} of {Path} is not delivered", _options.QueueCapacity, StreamEventJson.Name(e.Kind), e.Path);
            }
        }

        /// <summary>Delivers what is queued for up to <see cref="HookOptions.DrainTimeout"/>, then abandons the rest.</summary>
        public async Task StopAsync()
        {
            _queue.Writer.TryComplete();
            if (await Task.WhenAny(_loop, Task.Delay(_options.DrainTimeout)).ConfigureAwait(false) != _loop)
            {
                _log.Warning("Hooks still running after {Seconds} s at stop: abandoned", _options.DrainTimeout.TotalSeconds);
                _abandon.Cancel();
                await Task.WhenAny(_loop, Task.Delay(TimeSpan.FromSeconds(3))).ConfigureAwait(false);
            }

            _http.Dispose();
        }

        private async Task DeliverLoopAsync()
        {
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (_queue.Reader.TryRead(out var e))
                {
                    try
                    {
                        await DeliverAsync(e).ConfigureAwait(false);
                    }
                    catch (Exception error)
                    {
                        // A bug in one delivery must not stop the later ones.
                        _log.Error(error, "Delivering {Event} of {Path} to hooks failed", StreamEventJson.Name(e.Kind), e.Path);
                    }
                }
            }
        }

        private Task DeliverAsync(StreamEvent e)
        {
            var name = StreamEventJson.Name(e.Kind);
            var body = StreamEventJson.Serialize(e);
            var deliveries = new List<Task>();
            foreach (var webhook in _options.Webhooks)
            {
                if (webhook.Events.Contains(e.Kind))
                {
                    deliveries.Add(_webhooks.SendAsync(webhook, name, body, _abandon.Token));
                }
            }

            foreach (var command in _options.Commands)
            {
                if (command.Events.Contains(e.Kind))
                {
                    deliveries.Add(_commands.RunAsync(command, name, body, _abandon.Token));
                }
            }

            return Task.WhenAll(deliveries);
        }
    }
}
