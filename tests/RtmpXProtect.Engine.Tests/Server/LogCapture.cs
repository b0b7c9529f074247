using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace RtmpXProtect.Engine.Tests.Server
{
    /// <summary>
    /// Keeps every rendered log line of a server so a test can assert on reasons and wait for a
    /// line to appear instead of sleeping.
    /// </summary>
    internal sealed class LogCapture : ILogEventSink
    {
        private readonly object _gate = new object();
        private readonly List<string> _lines = new List<string>();
        private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Done)> _waiters = new List<(Func<string, bool>, TaskCompletionSource<string>)>();

        public LogCapture()
        {
            Logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();
        }

        public ILogger Logger { get; }

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_gate)
                {
                    return _lines.ToArray();
                }
            }
        }

        /// <summary>Completes with the first line, logged before or after the call, that matches.</summary>
        public Task<string> WaitFor(Func<string, bool> match)
        {
            var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                foreach (var line in _lines)
                {
                    if (match(line))
                    {
                        done.TrySetResult(line);
                        return done.Task;
                    }
                }

                _waiters.Add((match, done));
            }

            return done.Task;
        }

        public void Emit(LogEvent logEvent)
        {
            var line = logEvent.RenderMessage();
            lock (_gate)
            {
                _lines.Add(line);
                for (var i = _waiters.Count - 1; i >= 0; i--)
                {
                    if (_waiters[i].Match(line))
                    {
                        _waiters[i].Done.TrySetResult(line);
                        _waiters.RemoveAt(i);
                    }
                }
            }
        }
    }
}
