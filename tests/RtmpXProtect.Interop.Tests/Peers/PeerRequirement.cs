using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace RtmpXProtect.Interop.Tests.Peers;

/// <summary>
/// Decides whether third-party peers (ffmpeg, nginx, rtmpdump) are present. A developer box with
/// only the .NET SDK skips peer tests; CI never skips, so a missing peer turns the build red.
/// </summary>
public static class PeerRequirement
{
    /// <summary>True when the environment variable CI is "true" (GitHub Actions, GitLab and .ci/run set it).</summary>
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Full path of <paramref name="program"/> found on PATH, or null when it is not installed.</summary>
    public static string? Locate(string program)
    {
        if (program.Contains('/'))
        {
            return File.Exists(program) ? program : null;
        }

        // nginx lives in /usr/sbin, which is not on PATH for every non-root shell.
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(new[] { "/usr/local/sbin", "/usr/sbin", "/sbin" });
        foreach (var directory in directories)
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The message a test fails with when a peer is missing; it says how to get the peer.</summary>
    public static string MissingMessage(string program) =>
        $"{program} is not installed; .ci/run installs it with apt-get";

    /// <summary>
    /// Why a test needing <paramref name="programs"/> must be skipped, or null when it must run
    /// (all present, or under CI where a missing peer is a failure, not a skip).
    /// </summary>
    public static string? SkipReason(IEnumerable<string> programs)
    {
        if (IsCi)
        {
            return null;
        }

        var missing = programs.Where(p => Locate(p) is null).ToArray();
        return missing.Length == 0
            ? null
            : $"{string.Join(", ", missing)} not installed (CI=true would fail instead; .ci/run installs peers with apt-get)";
    }

    /// <summary>Full path of <paramref name="program"/>, or an exception with the install hint.</summary>
    public static string Require(string program) =>
        Locate(program) ?? throw new InvalidOperationException(MissingMessage(program));
}
