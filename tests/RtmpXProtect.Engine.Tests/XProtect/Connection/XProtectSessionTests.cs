using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.XProtect.Connection;
using RtmpXProtect.XProtectDouble;
using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.Connection;

public sealed class XProtectSessionTests
{
    private const string Password = "S3cret-pa55!";

    [Fact]
    public async Task A_basic_user_logs_in_and_lists_every_camera_enabled_and_disabled_over_several_pages()
    {
        await using var site = await Site(s =>
        {
            for (int i = 0; i < 1201; i++)
            {
                s.Cameras.Add(new DoubleCamera($"Camera {i}", Array.Empty<RecordedPicture>(), enabled: i % 3 != 0));
            }
        });
        await using var session = await XProtectSession.OpenAsync(Options(site), CancellationToken.None);

        var cameras = await session.GetCamerasAsync(CancellationToken.None);

        Assert.Equal(1201, cameras.Count);
        Assert.Equal(401, cameras.Count(c => !c.Enabled));
        Assert.Equal(site.Cameras.Select(c => c.Id), cameras.Select(c => c.Id));
        Assert.Equal(3, site.CameraPagesServed);
        Assert.StartsWith("TOKEN#", session.RecorderToken.Value);
    }

    [Fact]
    public async Task A_camera_is_found_by_id_or_by_name_and_leads_to_its_recording_servers_imageserver()
    {
        await using var site = await Site(s =>
        {
            s.Cameras.Add(new DoubleCamera("Lobby", Array.Empty<RecordedPicture>()));
            s.Cameras.Add(new DoubleCamera("Gate", Array.Empty<RecordedPicture>()));
            s.Cameras.Add(new DoubleCamera("Gate", Array.Empty<RecordedPicture>()));
        });
        await using var session = await XProtectSession.OpenAsync(Options(site), CancellationToken.None);

        var byName = await session.FindCameraAsync("lobby", CancellationToken.None);
        var byId = await session.FindCameraAsync(site.Cameras[1].Id.ToString(), CancellationToken.None);
        var ambiguous = await Assert.ThrowsAsync<XProtectException>(() => session.FindCameraAsync("Gate", CancellationToken.None));
        var missing = await Assert.ThrowsAsync<XProtectException>(() => session.FindCameraAsync("Roof", CancellationToken.None));
        var missingId = await Assert.ThrowsAsync<XProtectException>(() => session.FindCameraAsync(Guid.NewGuid().ToString(), CancellationToken.None));

        Assert.Equal(site.Cameras[0].Id, byName.Id);
        Assert.Equal(site.Cameras[1].Id, byId.Id);
        Assert.Equal(site.ImageServerAddress, await session.GetImageServerAsync(byId, CancellationToken.None));
        Assert.Contains("2 cameras named 'Gate'", ambiguous.Message);
        Assert.Contains(site.Cameras[2].Id.ToString(), ambiguous.Message);
        Assert.Contains("no camera named 'Roof'", missing.Message);
        Assert.Contains("no camera with id", missingId.Message);
    }

    [Fact]
    public async Task A_wrong_password_gives_one_error_naming_the_server_and_user_but_not_the_password()
    {
        await using var site = await Site();
        var options = Options(site);
        options.Password = "wrong-" + Password;

        var error = await Assert.ThrowsAsync<XProtectAuthenticationException>(() => XProtectSession.OpenAsync(options, CancellationToken.None));

        Assert.Contains(site.ManagementServer.GetLeftPart(UriPartial.Authority), error.Message);
        Assert.Contains("operator", error.Message);
        Assert.Contains("wrong user name or password", error.Message);
        Assert.DoesNotContain(Password, error.ToString());
        Assert.Equal(1, site.LoginAttempts);
    }

    [Fact]
    public async Task A_windows_user_goes_straight_to_the_identity_provider_and_a_refused_negotiation_names_the_account()
    {
        await using var site = await Site();
        var options = new XProtectServerOptions { ManagementServer = site.ManagementServer, WindowsUser = true, User = @"SITE\operator", Password = Password };

        var error = await Assert.ThrowsAsync<XProtectAuthenticationException>(() => XProtectSession.OpenAsync(options, CancellationToken.None));

        Assert.True(site.WindowsLoginAttempts >= 1);
        Assert.Equal(0, site.GatewayTokenRequests);
        Assert.Contains(@"SITE\operator", error.Message);
        Assert.DoesNotContain(Password, error.ToString());
    }

    [Fact]
    public async Task When_the_api_gateway_is_down_the_token_comes_from_the_identity_provider()
    {
        await using var site = await Site();
        site.Faults.GatewayDown = true;

        await using var session = await XProtectSession.OpenAsync(Options(site), CancellationToken.None);

        Assert.Equal(1, site.LoginAttempts);
        Assert.True(site.Tokens.RecorderValid(session.RecorderToken.Value));
    }

    [Fact]
    public async Task An_untrusted_server_certificate_is_refused_unless_the_configuration_allows_it()
    {
        await using var site = await Site(tls: true);
        var options = Options(site);

        var refused = await Assert.ThrowsAsync<XProtectException>(() => XProtectSession.OpenAsync(options, CancellationToken.None));
        options.AllowUntrustedCertificate = true;
        await using var session = await XProtectSession.OpenAsync(options, CancellationToken.None);

        Assert.Contains("login failed", refused.Message);
        Assert.Equal(1, site.LoginAttempts);
        Assert.True(site.Tokens.RecorderValid(session.RecorderToken.Value));
    }

    [Fact]
    public async Task Tokens_are_refreshed_before_the_shorter_lifetime_ends_and_the_refresh_is_announced()
    {
        await using var site = await Site(s =>
        {
            s.Tokens.AccessLifetime = TimeSpan.FromSeconds(4);
            s.Tokens.RecorderLifetime = TimeSpan.FromSeconds(60);
        });
        var options = Options(site);
        options.RefreshMargin = TimeSpan.FromSeconds(1);
        await using var session = await XProtectSession.OpenAsync(options, CancellationToken.None);
        var first = session.RecorderToken;
        Assert.InRange((first.Expires - DateTimeOffset.UtcNow).TotalSeconds, 50, 61); // Login's TimeToLive, read after the Token element
        var refreshed = new TaskCompletionSource<RecorderToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        session.RecorderTokenRefreshed += token => refreshed.TrySetResult(token);

        var second = await refreshed.Task.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.NotEqual(first.Value, second.Value);
        Assert.True(site.Tokens.RecorderValid(second.Value));
        Assert.True(second.Expires > first.Expires);
        Assert.Equal(2, site.LoginAttempts);
    }

    [Fact]
    public void The_refresh_is_due_a_margin_before_the_earlier_expiry_but_not_before_half_its_lifetime()
    {
        var issued = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

        Assert.Equal(issued.AddSeconds(3570), TokenSchedule.RefreshAt(issued, issued.AddHours(1), issued.AddHours(4), TimeSpan.FromSeconds(30)));
        Assert.Equal(issued.AddSeconds(30), TokenSchedule.RefreshAt(issued, issued.AddHours(1), issued.AddSeconds(60), TimeSpan.FromSeconds(30)));
        Assert.Equal(issued.AddSeconds(10), TokenSchedule.RefreshAt(issued, issued.AddSeconds(20), issued.AddHours(1), TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData("Security token TOKEN#1d2c#rs1//ServerConnector#4 invalid", "Security token **** invalid")]
    [InlineData("bad bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln here", "bad bearer **** here")]
    public void Server_text_in_messages_has_its_tokens_masked_and_is_cut_to_a_line(string text, string shown)
    {
        Assert.Equal(shown, ServerText.Shown(text));
        Assert.Equal(201, ServerText.Shown(new string('x', 5000))!.Length);
        Assert.Null(ServerText.Shown(null));
    }

    internal static XProtectServerOptions Options(XProtectDoubleServer site) => new()
    {
        ManagementServer = site.ManagementServer,
        User = "operator",
        Password = Password,
    };

    internal static Task<XProtectDoubleServer> Site(Action<XProtectDoubleServer>? configure = null, bool tls = false) =>
        XProtectDoubleServer.StartAsync(tls, s =>
        {
            s.Users.Add(new DoubleUser("operator", Password));
            configure?.Invoke(s);
        });
}
