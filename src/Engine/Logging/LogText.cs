using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Serilog.Events;

namespace RtmpXProtect.Engine.Logging
{
    /// <summary>
    /// How a log event reads as text wherever it is shown past the console (the log ring, a helper's
    /// report lines): the console's three-letter levels and its unquoted strings, so every view reads the same.
    /// </summary>
    public static class LogText
    {
        /// <summary>VRB, DBG, INF, WRN, ERR or FTL, as the console prints them.</summary>
        public static string Level(LogEventLevel level) => level switch
        {
            LogEventLevel.Verbose => "VRB",
            LogEventLevel.Debug => "DBG",
            LogEventLevel.Information => "INF",
            LogEventLevel.Warning => "WRN",
            LogEventLevel.Error => "ERR",
            _ => "FTL",
        };

        /// <summary>The rendered message, string properties unquoted (the console's :lj).</summary>
        public static string Message(LogEvent logEvent)
        {
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            WriteMessage(logEvent, text, null);
            return text.ToString();
        }

        /// <summary>Writes the rendered message; adds to <paramref name="named"/> the properties the message shows.</summary>
        public static void WriteMessage(LogEvent logEvent, TextWriter text, ISet<string>? named)
        {
            foreach (var token in logEvent.MessageTemplate.Tokens)
            {
                if (token is Serilog.Parsing.PropertyToken property)
                {
                    named?.Add(property.PropertyName);
                    if (logEvent.Properties.TryGetValue(property.PropertyName, out var value) && value is ScalarValue { Value: string literal })
                    {
                        text.Write(literal);
                        continue;
                    }
                }

                token.Render(logEvent.Properties, text, CultureInfo.InvariantCulture);
            }
        }
    }
}
