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
            .WriteTo.Console(outputTemplate: ConsoleTemplate, standardErrorFromLevel: LogEventLevel.Verbose)
            .CreateLogger();

        /// <summary>
        /// The standard-error log plus, when <paramref name="file"/> is set, a rolling file whose lines
        /// end with the properties the message does not show (SessionId, RemoteAddress, Path) as JSON,
        /// so one session can be followed with grep; and the last lines kept in <paramref name="ring"/>
        /// for the status API's live view.
        /// </summary>
        public static Serilog.Core.Logger Create(LogEventLevel level, string? file, RtmpXProtect.Engine.Configuration.LogRollingInterval interval, int retainedFiles, Serilog.Core.ILogEventSink ring)
        {
            var configuration = new LoggerConfiguration()
                .MinimumLevel.Is(level)
                .WriteTo.Console(outputTemplate: ConsoleTemplate, standardErrorFromLevel: LogEventLevel.Verbose)
                .WriteTo.Sink(ring);
            if (file != null)
            {
                configuration = configuration.WriteTo.File(
                    file,
                    outputTemplate: FileTemplate,
                    rollingInterval: interval switch
                    {
                        RtmpXProtect.Engine.Configuration.LogRollingInterval.Infinite => RollingInterval.Infinite,
                        RtmpXProtect.Engine.Configuration.LogRollingInterval.Year => RollingInterval.Year,
                        RtmpXProtect.Engine.Configuration.LogRollingInterval.Month => RollingInterval.Month,
                        RtmpXProtect.Engine.Configuration.LogRollingInterval.Hour => RollingInterval.Hour,
                        RtmpXProtect.Engine.Configuration.LogRollingInterval.Minute => RollingInterval.Minute,
                        _ => RollingInterval.Day,
                    },
                    retainedFileCountLimit: retainedFiles,
                    shared: true,
                    flushToDiskInterval: System.TimeSpan.FromSeconds(1));
            }

            return configuration.CreateLogger();
        }

        /// <summary>Time of day, level, message: what an operator watching the terminal reads.</summary>
        public const string ConsoleTemplate = "{Timestamp:HH:mm:ss.fff} {Level:u3} {Message:lj}{NewLine}{Exception}";

        /// <summary>ISO time with offset, level, message, then the structured properties as JSON.</summary>
        public const string FileTemplate = "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffzzz} {Level:u3} {Message:lj} {Properties:j}{NewLine}{Exception}";
    }
}
