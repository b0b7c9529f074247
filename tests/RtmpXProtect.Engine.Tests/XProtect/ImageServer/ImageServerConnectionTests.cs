using System;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Tests.Media;
using RtmpXProtect.Engine.Tests.XProtect.Connection;
using RtmpXProtect.Engine.XProtect.Connection;
using RtmpXProtect.Engine.XProtect.ImageServer;
using RtmpXProtect.XProtectDouble;
using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.ImageServer;

/// <summary>The ImageServer client against the double's recorder: refusals surfaced, tokens renewed on the open socket, TLS checked.</summary>
public sealed class ImageServerConnectionTests
{
    private const long Start = 1_767_225_600_000;

    [Fact]
    public async Task An_expired_token_is_refused_until_connectupdate_hands_the_socket_a_new_one()
    {
        await using var site = await Site(s => s.Tokens.RecorderLifetime = TimeSpan.FromSeconds(1));
        await using var session = await XProtectSession.OpenAsync(XProtectSessionTests.Options(site), CancellationToken.None);
        var camera = await session.FindCameraAsync("Lobby", CancellationToken.None);
        var first = session.RecorderToken;
        await using var connection = await ImageServerConnection.ConnectAsync(await session.GetImageServerAsync(camera, CancellationToken.None), camera.Id, first, null, CancellationToken.None);
        await WaitUntil(() => !site.Tokens.RecorderValid(first.Value), TimeSpan.FromSeconds(10));

        await connection.GotoAsync(DateTimeOffset.FromUnixTimeMilliseconds(Start), CancellationToken.None);
        var refused = Assert.IsType<MethodResponse>(await connection.ReadAsync(CancellationToken.None));
        await session.RefreshAsync(CancellationToken.None);
        await connection.UpdateTokenAsync(session.RecorderToken, CancellationToken.None);
        var updated = Assert.IsType<MethodResponse>(await connection.ReadAsync(CancellationToken.None));
        await connection.GotoAsync(DateTimeOffset.FromUnixTimeMilliseconds(Start), CancellationToken.None);
        var gop = Assert.IsType<ImageReply>(await connection.ReadAsync(CancellationToken.None));

        Assert.Equal("Security token expired", refused.ErrorReason);
        Assert.True(updated.Connected);
        Assert.Equal(24, gop.Parts.Count);
        Assert.Equal(Start, gop.Current);
        Assert.Equal(1, site.ImageServerConnections);
    }

    [Fact]
    public async Task A_recorder_that_refuses_the_camera_says_why_and_a_self_signed_recorder_is_refused_unless_allowed()
    {
        await using var site = await Site(tls: true);
        var options = XProtectSessionTests.Options(site);
        options.AllowUntrustedCertificate = true;
        await using var session = await XProtectSession.OpenAsync(options, CancellationToken.None);
        var camera = await session.FindCameraAsync("Lobby", CancellationToken.None);
        var address = await session.GetImageServerAsync(camera, CancellationToken.None);

        var untrusted = await Assert.ThrowsAsync<ImageServerException>(() => ImageServerConnection.ConnectAsync(address, camera.Id, session.RecorderToken, null, CancellationToken.None));
        var allowed = new ImageServerClientOptions { AllowUntrustedCertificate = true };
        var unknown = await Assert.ThrowsAsync<ImageServerException>(() => ImageServerConnection.ConnectAsync(address, Guid.NewGuid(), session.RecorderToken, allowed, CancellationToken.None));
        await using var connected = await ImageServerConnection.ConnectAsync(address, camera.Id, session.RecorderToken, allowed, CancellationToken.None);

        Assert.Equal("https", address.Scheme);
        Assert.Contains("certificate is not trusted", untrusted.Message);
        Assert.Contains("Camera not found", unknown.Message);
        Assert.DoesNotContain(session.RecorderToken.Value, unknown.Message + untrusted.Message);
    }

    private static Task<XProtectDoubleServer> Site(Action<XProtectDoubleServer>? configure = null, bool tls = false) =>
        XProtectSessionTests.Site(s =>
        {
            var vector = EncodedVector.H264;
            s.Cameras.Add(new DoubleCamera("Lobby", XProtectDouble.Recordings.FromElementaryStream(vector.Stream, vector.Codec, vector.PresentationTimes, Start, Stamping.Presentation)));
            configure?.Invoke(s);
        }, tls);

    private static async Task WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        using var stop = new CancellationTokenSource(timeout);
        while (!condition())
        {
            await Task.Delay(20, stop.Token);
        }
    }
}
