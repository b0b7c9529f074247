using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Management;
using RtmpXProtect.Engine.Streaming;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Management;

public sealed class StreamStoreTests : IDisposable
{
    private const string KeyedUrl = "rtmp://a.rtmp.youtube.com/live2/abcd-SECRET-KEY";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rtmpx-store-" + Guid.NewGuid().ToString("N"));

    public StreamStoreTests() => Directory.CreateDirectory(_directory);

    private string ConfigPath => Path.Combine(_directory, "rtmpx.json");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Add_list_update_enable_and_remove_round_trip_and_keep_the_other_sections()
    {
        File.WriteAllText(ConfigPath, """
            {
              // hand written
              "listeners": { "rtmp": { "listen": "127.0.0.1:19350" } },
              "limits": { "maxConnections": 77 },
              "streams": [],
            }
            """);
        var store = new StreamStore(ConfigPath);

        store.Add(Stream("Lobby", KeyedUrl));
        var listed = Assert.Single(store.List());
        Assert.Equal("Lobby", listed.Name);
        Assert.Equal(KeyedUrl, listed.Destinations[0].Url);
        Assert.Equal(AudioMode.Silent, listed.Audio);
        Assert.True(listed.Enabled);

        var changed = store.Update("lobby", s =>
        {
            s.Video = VideoCodecPolicy.RequireH264;
            s.Destinations.Add(new DestinationDefinition { Url = "rtmps://live.twitch.tv:443/app/live_123_other", AllowUntrustedCertificate = true });
        });
        Assert.Equal(VideoCodecPolicy.RequireH264, changed.Video);
        Assert.Equal(2, changed.Destinations.Count);
        Assert.True(changed.Destinations[1].AllowUntrustedCertificate);
        Assert.Equal("cam.flv", JsonDocument.Parse(File.ReadAllText(ConfigPath)).RootElement.GetProperty("streams")[0].GetProperty("source").GetString());

        Assert.False(store.SetEnabled("LOBBY", false).Enabled);
        Assert.False(store.Find("Lobby")!.Enabled);

        var config = RtmpxConfigLoader.Load(ConfigPath);
        Assert.Equal("127.0.0.1:19350", config.Listeners!.Rtmp!.Listen);
        Assert.Equal(77, config.Limits!.MaxConnections);

        Assert.True(store.Remove("Lobby"));
        Assert.False(store.Remove("Lobby"));
        Assert.Empty(store.List());
        Assert.Empty(Directory.GetFiles(Path.Combine(_directory, StreamStore.SecretsFolder)));
        Assert.Equal(77, RtmpxConfigLoader.Load(ConfigPath).Limits!.MaxConnections);
    }

    [Fact]
    public void A_missing_file_is_created_with_only_streams()
    {
        var store = new StreamStore(Path.Combine(_directory, "sub", "rtmpx.json"));
        Assert.Empty(store.List());
        store.Add(Stream("a", KeyedUrl));
        var root = JsonDocument.Parse(File.ReadAllText(store.ConfigPath)).RootElement;
        Assert.Equal(new[] { "streams" }, root.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void The_configuration_holds_no_url_and_the_secret_file_is_private()
    {
        var store = new StreamStore(ConfigPath);
        store.Add(Stream("cam-1", KeyedUrl));
        var text = File.ReadAllText(ConfigPath);
        Assert.DoesNotContain("SECRET", text, StringComparison.Ordinal);
        Assert.DoesNotContain("rtmp://", text, StringComparison.Ordinal);
        var secret = Path.Combine(_directory, StreamStore.SecretsFolder, "cam-1.0.url");
        Assert.Equal(KeyedUrl, File.ReadAllText(secret).Trim());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secret));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(secret)!));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("..")]
    [InlineData("a/b")]
    public void Invalid_names_are_refused_without_writing(string name)
    {
        var store = new StreamStore(ConfigPath);
        var e = Assert.Throws<StreamStoreException>(() => store.Add(Stream(name, KeyedUrl)));
        Assert.Contains("not a stream name", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(ConfigPath));
    }

    [Fact]
    public void A_duplicate_name_any_case_is_refused_and_no_message_quotes_a_url()
    {
        var store = new StreamStore(ConfigPath);
        store.Add(Stream("Lobby", KeyedUrl));
        var duplicate = Assert.Throws<StreamStoreException>(() => store.Add(Stream("LOBBY", KeyedUrl)));
        Assert.Equal("LOBBY", duplicate.StreamName);
        Assert.Contains("already exists", duplicate.Message, StringComparison.Ordinal);
        var bad = Assert.Throws<StreamStoreException>(() => store.Add(Stream("other", "http://example.com/SECRET")));
        Assert.DoesNotContain("SECRET", bad.Message, StringComparison.Ordinal);
        Assert.Throws<StreamStoreException>(() => store.Update("missing", _ => { }));
        Assert.Throws<StreamStoreException>(() => store.SetEnabled("missing", true));
        Assert.Single(store.List());
    }

    [Fact]
    public void Renaming_moves_the_secret_files()
    {
        var store = new StreamStore(ConfigPath);
        store.Add(Stream("old", KeyedUrl));
        store.Update("old", s => s.Name = "new");
        Assert.Null(store.Find("old"));
        Assert.Equal(KeyedUrl, store.Find("new")!.Destinations[0].Url);
        Assert.Equal(new[] { "new.0.url" }, Directory.GetFiles(Path.Combine(_directory, StreamStore.SecretsFolder)).Select(Path.GetFileName));
    }

    [Fact]
    public void An_update_keeps_a_destination_read_from_the_environment_off_the_disk()
    {
        var variable = "RTMPX_TEST_URL_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, KeyedUrl);
        try
        {
            File.WriteAllText(ConfigPath, $$"""
                { "streams": [ { "name": "env", "source": "cam.flv", "destinations": [ { "urlEnv": "{{variable}}" } ] } ] }
                """);
            var store = new StreamStore(ConfigPath);

            store.Update("env", s =>
            {
                s.Audio = AudioMode.None;
                s.Destinations[0].AllowUntrustedCertificate = true;
                s.Destinations.Add(new DestinationDefinition { Url = "rtmps://live.twitch.tv:443/app/live_123_other" });
            });

            var destinations = JsonDocument.Parse(File.ReadAllText(ConfigPath)).RootElement.GetProperty("streams")[0].GetProperty("destinations");
            Assert.Equal(variable, destinations[0].GetProperty("urlEnv").GetString());
            Assert.True(destinations[0].GetProperty("allowUntrustedCertificate").GetBoolean());
            Assert.Equal("rtmpx.secrets/env.1.url", destinations[1].GetProperty("urlFile").GetString());
            Assert.Equal(new[] { "env.1.url" }, Directory.GetFiles(Path.Combine(_directory, StreamStore.SecretsFolder)).Select(Path.GetFileName));
            Assert.Equal(KeyedUrl, store.Find("env")!.Destinations[0].Url);

            store.Update("env", s => s.Destinations.RemoveAt(1));
            Assert.Empty(Directory.GetFiles(Path.Combine(_directory, StreamStore.SecretsFolder)));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void Default_config_path_follows_RTMPX_CONFIG()
    {
        var before = Environment.GetEnvironmentVariable("RTMPX_CONFIG");
        try
        {
            Environment.SetEnvironmentVariable("RTMPX_CONFIG", ConfigPath);
            Assert.Equal(ConfigPath, StreamStore.DefaultConfigPath);
            Environment.SetEnvironmentVariable("RTMPX_CONFIG", null);
            Assert.Equal(OperatingSystem.IsWindows() ? "rtmpx.json" : "/etc/rtmpx/rtmpx.json", OperatingSystem.IsWindows() ? Path.GetFileName(StreamStore.DefaultConfigPath) : StreamStore.DefaultConfigPath);
        }
        finally
        {
            Environment.SetEnvironmentVariable("RTMPX_CONFIG", before);
        }
    }

    private static StreamDefinition Stream(string name, string url) => new StreamDefinition
    {
        Name = name,
        Source = "cam.flv",
        Audio = AudioMode.Silent,
        Destinations = { new DestinationDefinition { Url = url } },
    };
}
