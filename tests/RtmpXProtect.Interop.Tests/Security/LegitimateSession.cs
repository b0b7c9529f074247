using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtmpx;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Security;

/// <summary>
/// The honest users an attack must not hurt: ffmpeg publishing a 4 s H.264+AAC clip (one GOP, so a
/// player that joins late still gets every frame from the cache) and ffmpeg playing it into a file.
/// </summary>
public sealed class LegitimateSession : IAsyncDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(40);
    private static readonly SemaphoreSlim SourceGate = new(1, 1);
    private static string? s_source;

    private readonly TempDirectory _dir;
    private readonly PeerProcess _publisher;
    private readonly PeerProcess _player;
    private readonly string _source;

    private LegitimateSession(TempDirectory dir, string source, PeerProcess publisher, PeerProcess player)
    {
        _dir = dir;
        _source = source;
        _publisher = publisher;
        _player = player;
    }

    /// <summary>Starts the publish ("live/cam1" plus <paramref name="publishQuery"/>) and the player, and returns once the player is subscribed.</summary>
    public static async Task<LegitimateSession> StartAsync(InProcessServer server, string publishQuery = "")
    {
        var source = await SourceAsync();
        var dir = new TempDirectory();
        var publisher = Ffmpeg.Publish(source, server.Url("cam1" + publishQuery));
        var stream = await server.Published("cam1", Step);
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSubscribed(LiveStream s)
        {
            if (ReferenceEquals(s, stream))
            {
                subscribed.TrySetResult();
            }
        }

        server.Server.Hub.Subscribed += OnSubscribed;
        try
        {
            var player = Ffmpeg.Play(server.Url("cam1"), dir.File("played.flv"));
            await subscribed.Task.WaitAsync(Step);
            return new LegitimateSession(dir, source, publisher, player);
        }
        finally
        {
            server.Server.Hub.Subscribed -= OnSubscribed;
        }
    }

    /// <summary>Waits for both peers to end cleanly and asserts that the player got every frame published.</summary>
    public async Task AssertNoFrameLostAsync()
    {
        Assert.Equal(0, await _publisher.WaitForExitAsync(Step));
        Assert.Equal(0, await _player.WaitForExitAsync(Step));
        var expected = await Ffprobe.ProbeAsync(_source);
        var played = await Ffprobe.ProbeAsync(_dir.File("played.flv"));
        Assert.Equal(expected.CountOf("video"), played.CountOf("video"));
        Assert.Equal(expected.CountOf("audio"), played.CountOf("audio"));
    }

    public async ValueTask DisposeAsync()
    {
        await _publisher.DisposeAsync();
        await _player.DisposeAsync();
        _dir.Dispose();
    }

    // One clip for the whole suite: encoding it per test would cost more than the attacks.
    private static async Task<string> SourceAsync()
    {
        await SourceGate.WaitAsync();
        try
        {
            if (s_source == null || !File.Exists(s_source))
            {
                var dir = Directory.CreateTempSubdirectory("rtmpx-security-").FullName;
                s_source = await Ffmpeg.MakeTestFlvAsync(dir, seconds: 4, bFrames: 2, gop: 250);
            }

            return s_source;
        }
        finally
        {
            SourceGate.Release();
        }
    }
}
