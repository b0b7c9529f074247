using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Engine.Management.Certificates;
using RtmpXProtect.Engine.Management.DesiredState;
using RtmpXProtect.Engine.Management.Paths;
using RtmpXProtect.Engine.Management.Streams;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Management.Instances;

/// <summary>Certificates, paths and streams of an installed instance, through the engine operations the faces share.</summary>
public sealed class InstanceResourcesTests : IDisposable
{
    private readonly InstanceSandbox _machine = new InstanceSandbox();
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public InstanceResourcesTests()
    {
        _machine.Operations.Set(InstanceSandbox.Desire($$"""
            { "name": "rs1", "root": {{Json(_machine.Root("rs1"))}}, "package": {{Json(_machine.Package("0.7.0"))}},
              "rtmp": "127.0.0.1:19371", "rtmps": "127.0.0.1:19372", "api": "127.0.0.1:19871", "service": "none" }
            """));
        Certificates = new CertificateOperations(_machine.Operations, () => _now);
        Paths = new PathOperations(_machine.Operations);
        Streams = new StreamOperations(_machine.Operations);
    }

    private CertificateOperations Certificates { get; }

    private PathOperations Paths { get; }

    private StreamOperations Streams { get; }

    private string Root => _machine.Root("rs1");

    public void Dispose() => _machine.Dispose();

    [Fact]
    public void A_self_signed_certificate_is_made_for_its_names_and_in_place_where_the_instance_reads_it()
    {
        Assert.False(Certificates.Get("rs1").Exist);
        var desired = Parse<CertificateResource>("""{ "instance": "rs1", "dnsNames": ["rs1.site.example"], "ipAddresses": ["10.0.0.5"], "validDays": 90 }""");

        var after = Certificates.Set(desired);

        Assert.Equal(new[] { "rs1.site.example" }, after.DnsNames);
        Assert.Equal(new[] { "10.0.0.5" }, after.IpAddresses);
        Assert.Equal("CN=rs1.site.example", after.Subject);
        Assert.InRange((DateTimeOffset.Parse(after.NotAfter!) - _now).TotalDays, 89, 91);
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "rtmpx.json")))!["listeners"]!["rtmps"]!["certificate"]!;
        var pfx = Path.Combine(Root, config["path"]!.GetValue<string>());
        var password = File.ReadAllText(Path.Combine(Root, config["passwordFile"]!.GetValue<string>())).Trim();
        using var loaded = X509CertificateLoader.LoadPkcs12FromFile(pfx, password);
        Assert.True(loaded.HasPrivateKey);
        Assert.Equal(after.Thumbprint, loaded.Thumbprint);
        Assert.True(Certificates.Test(desired).InDesiredState);
    }

    [Fact]
    public void A_certificate_inside_renew_days_before_is_renewed_for_the_same_names_and_the_password_is_kept()
    {
        var desired = Parse<CertificateResource>("""{ "instance": "rs1", "dnsNames": ["rs1.site.example"], "validDays": 60, "renewDaysBefore": 20 }""");
        var first = Certificates.Set(desired);
        var password = File.ReadAllText(Path.Combine(Root, "secrets", "rtmps.password"));

        _now = _now.AddDays(45);
        Assert.Equal(new[] { "notAfter" }, Certificates.Test(desired).Differing);
        var renewed = Certificates.Set(desired);

        Assert.NotEqual(first.Thumbprint, renewed.Thumbprint);
        Assert.Equal(new[] { "rs1.site.example" }, renewed.DnsNames);
        Assert.Equal(password, File.ReadAllText(Path.Combine(Root, "secrets", "rtmps.password")));
        Assert.True(Certificates.Test(desired).InDesiredState);
    }

    [Fact]
    public void A_pfx_given_is_installed_without_its_password_being_stored_and_is_compared_by_thumbprint()
    {
        var given = SelfSignedCertificates.CreatePfx(new[] { "ca.example" }, Array.Empty<IPAddress>(), TimeSpan.FromDays(30), "given-pfx-pass");
        var desired = Parse<CertificateResource>($$"""{ "instance": "rs1", "source": "pfx", "pfxBase64": "{{Convert.ToBase64String(given)}}", "password": "given-pfx-pass" }""");

        var after = Certificates.Set(desired);

        Assert.Equal(CertificateSource.Pfx, after.Source);
        Assert.Equal(X509CertificateLoader.LoadPkcs12(given, "given-pfx-pass").Thumbprint, after.Thumbprint);
        Assert.True(Certificates.Test(desired).InDesiredState);
        Assert.DoesNotContain("given-pfx-pass", string.Concat(Directory.GetFiles(Root, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".pfx", StringComparison.Ordinal)).Select(File.ReadAllText)));
        var wrong = Parse<CertificateResource>($$"""{ "instance": "rs1", "source": "pfx", "pfxBase64": "{{Convert.ToBase64String(given)}}", "password": "not-it" }""");
        var e = Assert.Throws<ResourceInputException>(() => Certificates.Set(wrong));
        Assert.DoesNotContain("not-it", e.Message);
    }

    [Fact]
    public void A_set_that_names_no_source_keeps_the_pfx_installed()
    {
        var given = SelfSignedCertificates.CreatePfx(new[] { "ca.example" }, Array.Empty<IPAddress>(), TimeSpan.FromDays(30), "given-pfx-pass");
        var installed = Certificates.Set(Parse<CertificateResource>($$"""{ "instance": "rs1", "source": "pfx", "pfxBase64": "{{Convert.ToBase64String(given)}}", "password": "given-pfx-pass" }"""));

        var after = Certificates.Set(Parse<CertificateResource>("""{ "instance": "rs1", "store": null }"""));

        Assert.Equal(CertificateSource.Pfx, after.Source);
        Assert.Equal(installed.Thumbprint, after.Thumbprint);
    }

    [Fact]
    public void A_pfx_that_can_no_longer_be_read_is_drift_that_set_makes_anew()
    {
        var desired = Parse<CertificateResource>("""{ "instance": "rs1", "dnsNames": ["rs1.site.example"] }""");
        Certificates.Set(desired);
        File.WriteAllText(Path.Combine(Root, "secrets", "rtmps.password"), "not-the-password");

        Assert.True(Certificates.Get("rs1").Exist);
        Assert.Contains("thumbprint", Certificates.Test(desired).Differing);
        var repaired = Certificates.Set(desired);

        Assert.Equal("CN=rs1.site.example", repaired.Subject);
        Assert.True(Certificates.Test(desired).InDesiredState);
    }

    [Fact]
    public void Absent_paths_and_streams_of_an_instance_that_is_gone_are_in_their_desired_state()
    {
        var path = Parse<PathResource>("""{ "instance": "gone", "path": "live/cam1", "_exist": false }""");
        var stream = Parse<StreamResource>("""{ "instance": "gone", "name": "lobby", "_exist": false }""");

        Assert.False(Paths.Set(path).Exist);
        Assert.True(Paths.Test(path).InDesiredState);
        Assert.False(Streams.Set(stream).Exist);
        Assert.True(Streams.Test(stream).InDesiredState);
    }

    [Theory]
    [InlineData("""{ "instance": "rs1", "validDays": 30, "renewDaysBefore": 30 }""", "renewDaysBefore: 30 must be less than validDays")]
    [InlineData("""{ "instance": "rs1", "source": "pfx" }""", "source pfx needs pfxPath or pfxBase64")]
    [InlineData("""{ "instance": "rs1", "ipAddresses": ["ten"] }""", "'ten' is not an IP address")]
    [InlineData("""{ "instance": "nope" }""", "there is no instance named nope")]
    public void A_certificate_that_cannot_be_made_as_given_is_an_input_error(string desired, string error)
        => Assert.Contains(error, Assert.Throws<ResourceInputException>(() => Certificates.Set(Parse<CertificateResource>(desired))).Message);

    [Fact]
    public void Deleting_the_certificate_leaves_the_instance_and_its_rtmps_listener_waiting()
    {
        var desired = Parse<CertificateResource>("""{ "instance": "rs1", "dnsNames": ["rs1.site.example"] }""");
        Certificates.Set(desired);
        File.Delete(Path.Combine(Root, "certs", "rtmps.pfx"));
        Assert.Equal(new[] { "_exist" }, Certificates.Test(desired).Differing);
        Certificates.Set(desired);
        Assert.True(Certificates.Test(desired).InDesiredState);

        Certificates.Set(Parse<CertificateResource>("""{ "instance": "rs1", "_exist": false }"""));
        Assert.False(File.Exists(Path.Combine(Root, "certs", "rtmps.pfx")));
        Assert.Equal("127.0.0.1:19372", _machine.Operations.Get("rs1").Rtmps);
    }

    [Fact]
    public void Path_keys_are_compared_without_being_shown_and_a_changed_key_is_drift()
    {
        var desired = Parse<PathResource>("""{ "instance": "rs1", "path": "live/cam1", "publishKeys": ["cam1-key-AAA"], "publishers": ["10.1.2.0/24"], "record": false }""");
        var after = Paths.Set(desired);

        Assert.Equal(1, after.PublishKeyCount);
        Assert.Equal(new[] { "10.1.2.0/24" }, after.Publishers);
        Assert.False(after.Record);
        Assert.DoesNotContain("cam1-key-AAA", ResourceJson.Write(Paths.Test(desired).Actual, true).ToJsonString());
        Assert.True(Paths.Test(desired).InDesiredState);

        var file = Path.Combine(Root, "rtmpx.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("cam1-key-AAA", "cam1-key-BBB"));
        Assert.Equal(new[] { "publishKeys" }, Paths.Test(desired).Differing);
        Paths.Set(desired);
        Assert.Contains("cam1-key-AAA", File.ReadAllText(file));
        Assert.Equal(new[] { "live/cam1" }, Paths.Export().Select(p => p.Path));

        Paths.Set(Parse<PathResource>("""{ "instance": "rs1", "path": "live/cam1", "_exist": false }"""));
        Assert.False(Paths.Get("rs1", "live/cam1").Exist);
        Assert.DoesNotContain("cam1-key", File.ReadAllText(file));
    }

    [Fact]
    public void A_stream_url_goes_to_secrets_and_is_compared_with_what_is_stored()
    {
        var desired = Parse<StreamResource>("""
            { "instance": "rs1", "name": "lobby", "source": "ingest:live/cam1",
              "destinations": [ { "url": "rtmp://a.rtmp.youtube.com/live2/yt-KEY-123" }, { "urlEnv": "TWITCH_URL" } ], "audio": "silent" }
            """);
        var after = Streams.Set(desired);

        Assert.Equal("rtmp://a.rtmp.youtube.com:1935/live2/****", after.Destinations![0].Shown);
        Assert.Equal("secrets/lobby.0.url", after.Destinations[0].UrlFile);
        Assert.Equal("TWITCH_URL", after.Destinations[1].UrlEnv);
        Assert.DoesNotContain("yt-KEY-123", File.ReadAllText(Path.Combine(Root, "rtmpx.json")));
        Assert.DoesNotContain("yt-KEY-123", ResourceJson.Write(after).ToJsonString());
        Assert.True(Streams.Test(desired).InDesiredState);

        var changed = Parse<StreamResource>("""{ "instance": "rs1", "name": "lobby", "destinations": [ { "url": "rtmp://a.rtmp.youtube.com/live2/yt-KEY-456" } ] }""");
        Assert.Equal(new[] { "destinations" }, Streams.Test(changed).Differing);
        Streams.Set(changed);
        Assert.Equal(new[] { "lobby.0.url", "rtmps.password" }.Where(f => File.Exists(Path.Combine(Root, "secrets", f)) || f.EndsWith(".url", StringComparison.Ordinal)), Directory.GetFiles(Path.Combine(Root, "secrets")).Select(Path.GetFileName).Where(f => f!.EndsWith(".url", StringComparison.Ordinal)));
        Assert.Equal("ingest:live/cam1", Streams.Get("rs1", "lobby").Source);
        Assert.Equal(Engine.Streaming.AudioMode.Silent, Streams.Get("rs1", "lobby").Audio);

        Streams.Set(Parse<StreamResource>("""{ "instance": "rs1", "name": "lobby", "_exist": false }"""));
        Assert.Empty(Directory.GetFiles(Path.Combine(Root, "secrets"), "*.url"));
    }

    [Fact]
    public void A_destination_that_no_longer_keeps_its_url_in_secrets_leaves_no_old_key_there()
    {
        Streams.Set(Parse<StreamResource>("""{ "instance": "rs1", "name": "lobby", "source": "ingest:live/cam1", "destinations": [ { "url": "rtmp://a.rtmp.youtube.com/live2/old-KEY-1" } ] }"""));
        var secret = Path.Combine(Root, "secrets", "lobby.0.url");
        Assert.True(File.Exists(secret));

        Streams.Set(Parse<StreamResource>("""{ "instance": "rs1", "name": "lobby", "destinations": [ { "urlEnv": "LOBBY_URL" } ] }"""));

        Assert.False(File.Exists(secret));
        Assert.DoesNotContain("old-KEY-1", string.Concat(Directory.GetFiles(Root, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".pfx", StringComparison.Ordinal)).Select(File.ReadAllText)));
    }

    [Theory]
    [InlineData("""{ "instance": "rs1", "name": "new" }""", "give its source and destinations")]
    [InlineData("""{ "instance": "rs1", "name": "bad", "source": "ingest:live/x", "destinations": [ { "url": "http://example.com/KEY-9" } ] }""", "not an rtmp:// or rtmps:// URL")]
    [InlineData("""{ "instance": "rs1", "name": "two", "source": "ingest:live/x", "destinations": [ { "url": "rtmp://h/a/KEY-9", "urlEnv": "X" } ] }""", "exactly one of url, urlFile and urlEnv")]
    [InlineData("""{ "instance": "rs1", "name": "src", "source": "nothing-known", "destinations": [ { "urlEnv": "X" } ] }""", "rtmpx.json would be invalid")]
    public void A_stream_that_cannot_be_defined_as_given_is_refused_and_never_quotes_a_url(string desired, string error)
    {
        var e = Assert.Throws<ResourceInputException>(() => Streams.Set(Parse<StreamResource>(desired)));
        Assert.Contains(error, e.Message);
        Assert.DoesNotContain("KEY-9", e.Message);
        Assert.Empty(Streams.Export());
    }

    private static Desired<T> Parse<T>(string json)
        where T : class, new()
        => ResourceJson.Parse<T>((JsonObject)JsonNode.Parse(json)!);

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
