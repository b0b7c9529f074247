using System;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Server.Access;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Security;

/// <summary>Publishing with a wrong key or an expired signature while the key holder streams.</summary>
public sealed class KeyAttackTests
{
    private const string Key = "legit-publish-key";
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("signing-secret-for-tests");

    [PeerTheory("ffmpeg", "ffprobe")]
    [InlineData("wrong")]
    [InlineData("expired")]
    public async Task A_wrong_key_or_expired_signature_is_denied_as_AccessDenied_and_closed_while_ffmpeg_loses_no_frame(string credential)
    {
        var options = AttackServer.Options();
        options.Access = new AccessPolicy { Mode = AccessMode.Fixed, SigningSecret = Secret };
        var path = new AccessPath("live/cam1");
        path.PublishKeys.Add(Key);
        options.Access.Paths.Add(path);
        await using var server = AttackServer.Start(options);
        await using var legit = await LegitimateSession.StartAsync(server, "?key=" + Key);

        using var attacker = await AttackClient.ConnectAsync(server.Port);
        var query = credential == "wrong" ? "key=not-the-key" : SignedUrl.Create(Secret, "live/cam1", DateTimeOffset.UtcNow.AddMinutes(-1));
        await CommandAttackTests.PublishAsync(attacker, "cam1?" + query);

        await Attack.AssertClosedWithAsync(server, attacker, RejectionReason.DecisionTimeout);
        Assert.Equal(1, server.Server.Rejections[RejectionReason.AccessDenied]);
        await legit.AssertNoFrameLostAsync();
    }
}
