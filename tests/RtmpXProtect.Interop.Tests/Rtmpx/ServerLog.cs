using System.Collections.Generic;
using System.Linq;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>
/// The rendered lines an in-process server logged, so a failing interop test can say why the
/// server closed a peer's connection (a peer's own error names only its side).
/// </summary>
public sealed class ServerLog : ILogEventSink
{
    private readonly Queue<string> _lines = new();
    private const int Kept = 200;

    public ServerLog()
    {
        Logger = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(this).CreateLogger();
    }

    public ILogger Logger { get; }

    /// <summary>Every kept line, oldest first.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToArray();
            }
        }
    }

    /// <summary>The last lines, one per line, for an assertion's message.</summary>
    public string Tail(int count = 40)
    {
        lock (_lines)
        {
            return "\nserver log:\n" + string.Join("\n", _lines.Skip(System.Math.Max(0, _lines.Count - count)));
        }
    }

    public void Emit(LogEvent logEvent)
    {
        var line = logEvent.Timestamp.ToString("HH:mm:ss.fff ") + logEvent.RenderMessage();
        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > Kept)
            {
                _lines.Dequeue();
            }
        }
    }
}
