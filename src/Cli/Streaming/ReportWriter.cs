using System;
using System.IO;
using RtmpXProtect.Engine.Logging;
using RtmpXProtect.Engine.Streaming.Helpers;
using RtmpXProtect.Engine.Streaming.Running;
using Serilog.Core;
using Serilog.Events;

namespace RtmpXProtect.Cli.Streaming
{
    /// <summary>
    /// The helper's side of the report protocol: log events, stream events and status samples as
    /// JSON lines on one writer (standard output), one whole line at a time.
    /// </summary>
    internal sealed class ReportWriter : ILogEventSink
    {
        private readonly TextWriter _output;
        private readonly object _gate = new object();

        public ReportWriter(TextWriter output) => _output = output;

        public void Emit(LogEvent logEvent) => Write(new ReportLine
        {
            Type = ReportLine.LogType,
            Time = logEvent.Timestamp,
            Level = LogText.Level(logEvent.Level),
            Text = logEvent.Exception == null ? LogText.Message(logEvent) : LogText.Message(logEvent) + " " + logEvent.Exception.GetType().Name + ": " + logEvent.Exception.Message,
        });

        public void Status(StreamerStatus status) => Write(new ReportLine { Type = ReportLine.StatusType, Time = DateTimeOffset.Now, Status = status });

        public void Event(StreamerEvent streamerEvent) => Write(new ReportLine { Type = ReportLine.EventType, Time = streamerEvent.Time, Event = streamerEvent });

        public void Write(ReportLine line)
        {
            var text = HelperReport.Format(line);
            lock (_gate)
            {
                try
                {
                    _output.WriteLine(text);
                    _output.Flush();
                }
                catch (IOException)
                {
                    // The supervisor is gone; stdin's end stops this process next.
                }
            }
        }
    }
}
