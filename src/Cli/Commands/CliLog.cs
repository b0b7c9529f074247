using System.CommandLine;
using Serilog;
using Serilog.Events;

namespace RtmpXProtect.Cli.Commands
{
    /// <summary>The log every verb writes: levelled lines on standard error, so standard output stays free for data.</summary>
    internal static class CliLog
    {
        public static Option<LogEventLevel> LevelOption() => new Option<LogEventLevel>("--log-level")
        {
            Description = "Least level logged: Verbose, Debug, Information, Warning, Error.",
            DefaultValueFactory = _ => LogEventLevel.Information,
        };

        public static Serilog.Core.Logger Create(LogEventLevel level) => new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} {Message:lj}{NewLine}{Exception}", standardErrorFromLevel: LogEventLevel.Verbose)
            .CreateLogger();

        /// <summary>The same log, also kept in <paramref name="ring"/> for the status API's live view.</summary>
        public static Serilog.Core.Logger Create(LogEventLevel level, Serilog.Core.ILogEventSink ring) => new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} {Message:lj}{NewLine}{Exception}", standardErrorFromLevel: LogEventLevel.Verbose)
            .WriteTo.Sink(ring)
            .CreateLogger();
    }
}
