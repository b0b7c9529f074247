using System.IO;
using Serilog.Core;
using Serilog.Events;
using VideoOS.Platform;

namespace RtmpXProtect.Plugin
{
    /// <summary>The engine's own log (Serilog) into the Event Server's MIP log, errors flagged as errors.</summary>
    internal sealed class RtmpXProtectMipLogSink : ILogEventSink
    {
        /// <inheritdoc />
        public void Emit(LogEvent logEvent)
        {
            using (var text = new StringWriter())
            {
                logEvent.RenderMessage(text);
                if (logEvent.Exception != null)
                {
                    text.Write(": " + logEvent.Exception.Message);
                }

                EnvironmentManager.Instance.Log(logEvent.Level >= LogEventLevel.Error, "RtmpXProtect", text.ToString(), null);
            }
        }
    }
}
