using System;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Peers;

/// <summary>
/// A theory that needs third-party programs: skipped on a developer box without them,
/// run (and failed with an install hint) under CI=true.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PeerTheoryAttribute : TheoryAttribute
{
    /// <summary>Requires every program in <paramref name="programs"/> to be on PATH.</summary>
    public PeerTheoryAttribute(params string[] programs)
    {
        Programs = programs;
        var reason = PeerRequirement.SkipReason(programs);
        if (reason is not null)
        {
            Skip = reason;
        }
    }

    /// <summary>The programs this test drives; kept so a report can list what a run needed.</summary>
    public string[] Programs { get; }
}
