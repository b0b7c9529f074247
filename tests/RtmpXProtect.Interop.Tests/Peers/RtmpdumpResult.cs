namespace RtmpXProtect.Interop.Tests.Peers;

/// <summary>How an rtmpdump run ended.</summary>
/// <param name="ExitCode">0 complete, 1 failed, 2 incomplete: a live stream that stopped sending ends with 2.</param>
/// <param name="File">The FLV rtmpdump wrote (may be missing or empty when it failed to connect).</param>
/// <param name="StandardErrorTail">The last lines rtmpdump printed, for failure messages.</param>
public sealed record RtmpdumpResult(int ExitCode, string File, string StandardErrorTail)
{
    /// <summary>True for 0 (reached -B) or 2 (live stream stopped, the normal end of a live dump).</summary>
    public bool EndedNormally => ExitCode is 0 or 2;
}
