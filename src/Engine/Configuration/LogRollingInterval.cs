namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>How often the log file starts a new file (named with the date); the engine does not reference the file sink, so it has its own enum.</summary>
    public enum LogRollingInterval
    {
        /// <summary>One file forever.</summary>
        Infinite,

        /// <summary>A file per year.</summary>
        Year,

        /// <summary>A file per month.</summary>
        Month,

        /// <summary>A file per day.</summary>
        Day,

        /// <summary>A file per hour.</summary>
        Hour,

        /// <summary>A file per minute.</summary>
        Minute,
    }
}
