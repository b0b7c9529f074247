using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;

namespace RtmpXProtect.Interop.Tests.Peers;

/// <summary>
/// rtmpdump (librtmp) as a second, independent RTMP player. With --live it does NOT end when
/// nginx-rtmp reports the publisher gone; it ends when its socket read times out (-m seconds,
/// default 30) with exit code 2 ("Download may be incomplete"), or at -B seconds of stream time
/// with exit code 0. Killing it with SIGKILL loses its buffered tail, so let it end by itself.
/// </summary>
public sealed class Rtmpdump : IAsyncDisposable
{
    private readonly PeerProcess _process;

    private Rtmpdump(PeerProcess process, string outFile)
    {
        _process = process;
        OutFile = outFile;
    }

    /// <summary>The FLV being written.</summary>
    public string OutFile { get; }

    /// <summary>The rtmpdump process.</summary>
    public PeerProcess Process => _process;

    /// <summary>
    /// Starts playing live <paramref name="url"/> into <paramref name="outFile"/>. The run ends
    /// <paramref name="idleTimeoutSeconds"/> after data stops, or at <paramref name="stopAtSeconds"/>
    /// of stream time when given.
    /// </summary>
    public static Rtmpdump Play(string url, string outFile, int idleTimeoutSeconds = 2, double? stopAtSeconds = null)
    {
        var arguments = new List<string>
        {
            "-r", url, "--live",
            "-m", idleTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            "-o", outFile,
        };
        if (stopAtSeconds is not null)
        {
            arguments.AddRange(new[] { "-B", stopAtSeconds.Value.ToString(CultureInfo.InvariantCulture) });
        }

        return new Rtmpdump(PeerProcess.Start("rtmpdump", arguments), outFile);
    }

    /// <summary>Waits for rtmpdump to end by itself; on timeout kills it and throws TimeoutException.</summary>
    public async Task<RtmpdumpResult> WaitAsync(TimeSpan timeout)
    {
        var exitCode = await _process.WaitForExitAsync(timeout).ConfigureAwait(false);
        return new RtmpdumpResult(exitCode, OutFile, _process.StandardErrorTail());
    }

    /// <summary>Kills rtmpdump if it is still running.</summary>
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
