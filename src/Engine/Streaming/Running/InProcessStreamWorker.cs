using System;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Logging;

namespace RtmpXProtect.Engine.Streaming.Running
{
    /// <summary>Runs a stream as a <see cref="Streamer"/> in this process: the PowerShell module, tests and one-off runs.</summary>
    public sealed class InProcessStreamWorker : IStreamWorker
    {
        private readonly Streamer _streamer;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private Task _completion = Task.CompletedTask;

        /// <summary>Creates the worker; nothing runs before <see cref="Start"/>.</summary>
        public InProcessStreamWorker(StreamDefinition definition, Func<StreamDefinition, IFrameSource> sourceFactory, StreamerOptions? options = null)
        {
            Definition = definition;
            _streamer = new Streamer(definition, sourceFactory, options);
            _streamer.EventRaised += e => EventRaised?.Invoke(e);
        }

        /// <inheritdoc />
        public event Action<StreamerEvent>? EventRaised;

        /// <inheritdoc />
        public StreamDefinition Definition { get; }

        /// <inheritdoc />
        public Task Completion => _completion;

        /// <inheritdoc />
        public LogRing Log => _streamer.Log;

        /// <inheritdoc />
        public void Start() => _completion = Task.Run(() => _streamer.RunAsync(_stop.Token));

        /// <inheritdoc />
        public async Task StopAsync()
        {
            _stop.Cancel();
            await _completion.ConfigureAwait(false);
        }

        /// <inheritdoc />
        public StreamerStatus Status() => _streamer.Status();

        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            try
            {
                await StopAsync().ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Disposing after a crash: the crash was already reported through Completion.
            catch (Exception)
#pragma warning restore CA1031
            {
            }

            _stop.Dispose();
        }
    }
}
