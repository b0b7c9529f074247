using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Harness;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>`rtmpx serve` with publish keys and signed URLs, as an operator runs it, with ffmpeg as the encoder.</summary>
public sealed class AccessCliTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    // Distinctive, so finding them anywhere in the log means a leak.
    private const string GoodKey = "Gd7kQ2pXv9";
    private const string BadKey = "Bz4mW8rTn1";

    [PeerFact("ffmpeg")]
    public async Task Ffmpeg_publishes_with_the_right_key_is_refused_with_a_wrong_one_and_neither_key_reaches_the_log()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 2, bFrames: 0);
        File.WriteAllText(dir.File("keys.txt"), "# path key\nlive/cam1 " + GoodKey + "\n");
        await using var rtmpx = RtmpxCli.Start("serve", "--listen", "127.0.0.1:0", "--publish-key-file", dir.File("keys.txt"), "--access-mode", "fixed");
        var port = await RtmpxCli.ListeningPortAsync(rtmpx, Step);

        await using (var refused = Ffmpeg.Publish(source, $"rtmp://127.0.0.1:{port}/live/cam1?key={BadKey}"))
        {
            Assert.NotEqual(0, await refused.WaitForExitAsync(Step));
        }

        await rtmpx.WaitForOutputAsync(l => l.Contains("may not publish live/cam1?****: wrong key"), Step);

        await using (var publisher = Ffmpeg.Publish(source, $"rtmp://127.0.0.1:{port}/live/cam1?key={GoodKey}"))
        {
            Assert.Equal(0, await publisher.WaitForExitAsync(Step));
        }

        await rtmpx.WaitForOutputAsync(l => l.Contains("publishes live/cam1?****"), Step);
        await rtmpx.WaitForOutputAsync(l => l.Contains("stopped publishing live/cam1"), Step);
        RtmpxCli.Terminate(rtmpx);
        Assert.Equal(0, await rtmpx.WaitForExitAsync(Step));

        var log = rtmpx.StandardErrorTail() + rtmpx.StandardOutputTail();
        Assert.DoesNotContain(GoodKey, log);
        Assert.DoesNotContain(BadKey, log);
    }

    [PeerFact("ffmpeg")]
    public async Task A_signed_url_from_rtmpx_token_new_publishes_and_the_unsigned_url_does_not()
    {
        using var dir = new TempDirectory();
        var source = await Ffmpeg.MakeTestFlvAsync(dir.Path, seconds: 2, bFrames: 0);
        File.WriteAllText(dir.File("secret.txt"), "a-long-signing-secret\n");
        await using var rtmpx = RtmpxCli.Start("serve", "--listen", "127.0.0.1:0", "--secret-file", dir.File("secret.txt"));
        var port = await RtmpxCli.ListeningPortAsync(rtmpx, Step);
        var url = $"rtmp://127.0.0.1:{port}/live/cam1";

        await using var token = RtmpxCli.Start("token", "new", "--url", url, "--ttl", "600", "--secret-file", dir.File("secret.txt"));
        Assert.Equal(0, await token.WaitForExitAsync(Step));
        var lines = token.StandardOutputTail().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Matches(new Regex(@"^\?exp=\d+&sig=[A-Za-z0-9_-]{43}$"), lines[0]);
        var signed = lines.Last();
        Assert.Equal(url + lines[0], signed);

        await using (var unsigned = Ffmpeg.Publish(source, url))
        {
            Assert.NotEqual(0, await unsigned.WaitForExitAsync(Step));
        }

        await using (var publisher = Ffmpeg.Publish(source, signed))
        {
            Assert.Equal(0, await publisher.WaitForExitAsync(Step));
        }

        await rtmpx.WaitForOutputAsync(l => l.Contains("publishes live/cam1?****"), Step);
        var sig = lines[0].Substring(lines[0].IndexOf("sig=", StringComparison.Ordinal) + 4);
        Assert.DoesNotContain(sig, rtmpx.StandardErrorTail());
    }

}
