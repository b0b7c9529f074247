using System;
using System.IO;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using RtmpXProtect.Interop.Tests.Rtmpx;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Security;

/// <summary>
/// The fuzz corpora: what real ffmpeg sends when it publishes and plays. Checked on every run;
/// re-recorded into the source tree when RTMPX_RECORD_CORPUS=1 (see Corpus/README.md).
/// </summary>
public sealed class CorpusTests
{
    private const int MaxCorpusBytes = 300 * 1024;
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(40);

    [Fact]
    public void Each_committed_corpus_is_a_small_rtmp_client_session()
    {
        var files = Directory.GetFiles(CorpusDirectory(), "*.bin");
        Assert.Equal(new[] { "ffmpeg-play.bin", "ffmpeg-publish.bin" }, System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Order(Array.ConvertAll(files, f => Path.GetFileName(f)))));
        foreach (var file in files)
        {
            AssertIsSession(File.ReadAllBytes(file));
        }
    }

    [PeerFact("ffmpeg")]
    public async Task Ffmpeg_sessions_recorded_through_a_proxy_start_with_a_handshake_and_a_connect()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 1, bFrames: 2, gop: 25);
        await using var server = new InProcessServer();

        using var publishProxy = new RecordingProxy(server.Port);
        await using var publisher = Ffmpeg.Publish(source, $"rtmp://127.0.0.1:{publishProxy.Port}/live/cam1");
        await server.Published("cam1", Step);

        using var playProxy = new RecordingProxy(server.Port);
        await using var player = Ffmpeg.Play($"rtmp://127.0.0.1:{playProxy.Port}/live/cam1", dir.File("played.flv"), TimeSpan.FromSeconds(1));
        Assert.Equal(0, await publisher.WaitForExitAsync(Step));
        Assert.Equal(0, await player.WaitForExitAsync(Step));
        await publishProxy.Finished.WaitAsync(Step);
        await playProxy.Finished.WaitAsync(Step);

        var published = publishProxy.ClientBytes();
        var played = playProxy.ClientBytes();
        AssertIsSession(published);
        AssertIsSession(played);

        if (Environment.GetEnvironmentVariable("RTMPX_RECORD_CORPUS") == "1")
        {
            File.WriteAllBytes(Path.Combine(SourceCorpusDirectory(), "ffmpeg-publish.bin"), published);
            File.WriteAllBytes(Path.Combine(SourceCorpusDirectory(), "ffmpeg-play.bin"), played);
        }
    }

    // Records of [4-byte big-endian length][bytes] (see RecordingProxy) that end exactly at the file's
    // end, the first starting with C0 = 3 (plain RTMP), more than the handshake in all.
    private static void AssertIsSession(byte[] file)
    {
        Assert.InRange(file.Length, 1537 + 1536 + 12, MaxCorpusBytes);
        Assert.Equal(3, file[4]);
        var at = 0;
        var records = 0;
        while (at < file.Length)
        {
            var length = (file[at] << 24) | (file[at + 1] << 16) | (file[at + 2] << 8) | file[at + 3];
            Assert.InRange(length, 1, file.Length - at - 4);
            at += 4 + length;
            records++;
        }

        Assert.True(records >= 3, "a session is at least C0C1, C2+connect and one more read");
    }

    private static string CorpusDirectory() => Path.Combine(AppContext.BaseDirectory, "Security", "Corpus");

    // The test's source folder, found from the build output (bin/<config>/<tfm>/ under the project).
    private static string SourceCorpusDirectory()
        => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Security", "Corpus"));
}
