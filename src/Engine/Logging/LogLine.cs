using System;

namespace RtmpXProtect.Engine.Logging
{
    /// <summary>One rendered log line kept by a <see cref="LogRing"/>.</summary>
    /// <param name="Sequence">Increases by one per line, from 1: a follower asks for lines after the last it saw.</param>
    /// <param name="Timestamp">When the event was logged.</param>
    /// <param name="Level">"VRB", "DBG", "INF", "WRN", "ERR" or "FTL".</param>
    /// <param name="Text">"HH:mm:ss.fff LVL message {Property=value}", with the exception's type and message when there is one.</param>
    public sealed record LogLine(long Sequence, DateTimeOffset Timestamp, string Level, string Text);
}
