using System;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Interop.Tests.Rtmpx;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Security;

/// <summary>The two assertions every attack ends with: the attacker was closed, and for which named reason.</summary>
public static class Attack
{
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Asserts the server closed <paramref name="attacker"/> and counted <paramref name="reason"/>; the
    /// server counts before it closes, so the count is read after the close is seen.
    /// </summary>
    public static async Task AssertClosedWithAsync(InProcessServer server, AttackClient attacker, RejectionReason reason)
    {
        Assert.True(await attacker.ClosedByServerAsync(CloseTimeout), "the server left the attacker's socket open");
        Assert.True(server.Server.Rejections[reason] >= 1, $"{reason} was not counted; counts: {string.Join(", ", server.Server.Rejections.Snapshot())}");
    }
}
