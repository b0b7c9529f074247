using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Serilog.Core;
using Serilog.Events;

namespace RtmpXProtect.Engine.Logging
{
    /// <summary>
    /// A Serilog sink that keeps the last lines in memory for live viewing (the status API, the
    /// streamer's "last 40 lines"): bounded by <see cref="Capacity"/>, rendered once outside the
    /// lock, and the lock held only to store a reference.
    /// </summary>
    public sealed class LogRing : ILogEventSink
    {
        private readonly LogLine?[] _lines;
        private readonly object _gate = new object();
        private long _sequence;

        /// <summary>Creates a ring that keeps <paramref name="capacity"/> lines.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Capacity below 1.</exception>
        public LogRing(int capacity = 1000)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A log ring keeps at least one line.");
            }

            _lines = new LogLine?[capacity];
        }

        /// <summary>
        /// Raised after a line is stored, on the logging thread: a handler must return at once (queue
        /// the line, do not write to a socket from here).
        /// </summary>
        public event Action<LogLine>? LineAdded;

        /// <summary>How many lines it keeps.</summary>
        public int Capacity => _lines.Length;

        /// <summary>The sequence number of the newest line; 0 before the first.</summary>
        public long LastSequence
        {
            get
            {
                lock (_gate)
                {
                    return _sequence;
                }
            }
        }

        /// <inheritdoc />
        public void Emit(LogEvent logEvent)
        {
            if (logEvent == null)
            {
                throw new ArgumentNullException(nameof(logEvent));
            }

            var level = LogText.Level(logEvent.Level);
            var text = Render(logEvent, level);
            LogLine line;
            lock (_gate)
            {
                line = new LogLine(++_sequence, logEvent.Timestamp, level, text);
                _lines[(int)((line.Sequence - 1) % _lines.Length)] = line;
            }

            LineAdded?.Invoke(line);
        }

        /// <summary>The last <paramref name="count"/> lines (fewer when it holds fewer), oldest first.</summary>
        public IReadOnlyList<LogLine> Tail(int count) => Since(0, count);

        /// <summary>
        /// Lines after sequence <paramref name="after"/>, oldest first, at most the newest
        /// <paramref name="max"/> of them: what a follower polling with a cursor asks for. Lines
        /// that fell out of the ring are gone (the first returned line's sequence shows the gap).
        /// </summary>
        public IReadOnlyList<LogLine> Since(long after, int max)
        {
            lock (_gate)
            {
                var first = Math.Max(Math.Max(after + 1, _sequence - _lines.Length + 1), _sequence - Math.Max(max, 0) + 1);
                var result = new List<LogLine>((int)Math.Max(0, _sequence - first + 1));
                for (var s = first; s <= _sequence; s++)
                {
                    result.Add(_lines[(int)((s - 1) % _lines.Length)]!);
                }

                return result;
            }
        }

        private static string Render(LogEvent logEvent, string level)
        {
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            text.Write(logEvent.Timestamp.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture));
            text.Write(' ');
            text.Write(level);
            text.Write(' ');
            var named = new HashSet<string>(StringComparer.Ordinal);
            LogText.WriteMessage(logEvent, text, named);

            // Context the message does not name (ForContext("SessionId", id)) is what ties lines together.
            foreach (var property in logEvent.Properties)
            {
                if (!named.Contains(property.Key))
                {
                    text.Write(" {");
                    text.Write(property.Key);
                    text.Write('=');
                    property.Value.Render(text, null, CultureInfo.InvariantCulture);
                    text.Write('}');
                }
            }

            if (logEvent.Exception != null)
            {
                text.Write(" ");
                text.Write(logEvent.Exception.GetType().Name);
                text.Write(": ");
                text.Write(logEvent.Exception.Message);
            }

            return text.ToString();
        }

    }
}
