using System;
using System.IO;
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
            Level = Abbreviation(logEvent.Level),
            Text = logEvent.Exception == null ? Render(logEvent) : Render(logEvent) + " " + logEvent.Exception.GetType().Name + ": " + logEvent.Exception.Message,
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

        // Strings unquoted, as the console and the server's LogRing show them, so every view reads the same.
        private static string Render(LogEvent logEvent)
        {
            using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var token in logEvent.MessageTemplate.Tokens)
            {
                if (token is Serilog.Parsing.PropertyToken property && logEvent.Properties.TryGetValue(property.PropertyName, out var value) && value is ScalarValue { Value: string literal })
                {
                    text.Write(literal);
                }
                else
                {
                    token.Render(logEvent.Properties, text, System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            return text.ToString();
        }

        private static string Abbreviation(LogEventLevel level) => level switch
        {
            LogEventLevel.Verbose => "VRB",
            LogEventLevel.Debug => "DBG",
            LogEventLevel.Information => "INF",
            LogEventLevel.Warning => "WRN",
            LogEventLevel.Error => "ERR",
            _ => "FTL",
        };
    }
}
