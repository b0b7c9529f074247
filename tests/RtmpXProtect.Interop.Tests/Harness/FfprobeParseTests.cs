using System.Text.Json;
using RtmpXProtect.Interop.Tests.Peers;
using Xunit;
using Xunit.Sdk;

namespace RtmpXProtect.Interop.Tests.Harness;

/// <summary>The ffprobe model and its assertions, on JSON shaped like ffprobe 5.1 writes it.</summary>
public sealed class FfprobeParseTests
{
    private const string Json = """
        {
          "packets": [
            { "codec_type": "video", "stream_index": 0, "pts": 80, "dts": 0, "size": "8732", "flags": "K_" },
            { "codec_type": "audio", "stream_index": 1, "pts": 57, "dts": 57, "size": "338", "flags": "K_" },
            { "codec_type": "video", "stream_index": 0, "pts": 200, "dts": 40, "size": "4456", "flags": "__" }
          ],
          "streams": [
            { "index": 0, "codec_name": "h264", "codec_type": "video", "width": 320, "height": 240 },
            { "index": 1, "codec_name": "aac", "codec_type": "audio" }
          ]
        }
        """;

    [Fact]
    public void Reads_streams_and_packets()
    {
        using var document = JsonDocument.Parse(Json);
        var probe = Ffprobe.Parse(document.RootElement);

        Assert.Equal(new ProbeStream(0, "h264", "video", 320, 240), probe.StreamOf("video"));
        Assert.Equal(new ProbeStream(1, "aac", "audio", null, null), probe.StreamOf("audio"));
        Assert.Equal(2, probe.CountOf("video"));
        Assert.Equal(new ProbePacket(0, "video", 80, 0, true, 8732), probe.Packets[0]);
        Assert.False(probe.Packets[2].Keyframe);
        probe.AssertDtsStrictlyIncreasing("video");
        probe.AssertPtsNotBeforeDts();
    }

    [Fact]
    public void Catches_a_repeated_dts()
    {
        var probe = new ProbeResult(
            new[] { new ProbeStream(0, "h264", "video", 1, 1) },
            new[] { new ProbePacket(0, "video", 0, 40, true, 1), new ProbePacket(0, "video", 40, 40, false, 1) });
        var error = Assert.Throws<XunitException>(() => probe.AssertDtsStrictlyIncreasing("video"));
        Assert.Contains("packet 1", error.Message);
    }

    [Fact]
    public void Catches_a_packet_presented_before_it_is_decoded()
    {
        var probe = new ProbeResult(
            new[] { new ProbeStream(0, "h264", "video", 1, 1) },
            new[] { new ProbePacket(0, "video", 0, 40, true, 1) });
        Assert.Throws<XunitException>(() => probe.AssertPtsNotBeforeDts());
    }
}
