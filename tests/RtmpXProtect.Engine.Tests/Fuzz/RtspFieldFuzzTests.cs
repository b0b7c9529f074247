using System;
using System.Text;
using RtmpXProtect.Engine.Rtsp.Session;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Fuzz;

/// <summary>
/// The RTSP header fields a client controls (Transport, the request URL, Digest credentials) read
/// random, truncated and mutated text without throwing: a bad field is refused, never an exception
/// that would escape the connection.
/// </summary>
public sealed class RtspFieldFuzzTests
{
    private const string Alphabet = "RTP/AVPTCUDunicast;interleaved=client_port-0123456789,\"= mode:recordrtsp://h?&trackID=%DigestBasic username realm nonce uri response qop nc cnonce\r\n\t\0é";

    private static readonly string[] Seeds =
    {
        "RTP/AVP/TCP;unicast;interleaved=0-1",
        "RTP/AVP;unicast;client_port=5000-5001;mode=\"PLAY\"",
        "rtsp://127.0.0.1:8554/live/cam1?key=abc/trackID=1",
        "Digest username=\"a\", realm=\"rtmpx\", nonce=\"n\", uri=\"rtsp://h/live/cam\", response=\"5c901ece72575a8a828007225c323331\", qop=auth, nc=00000001, cnonce=\"c\"",
    };

    [Fact]
    public void Random_text_in_every_field_is_read_or_refused_without_throwing()
    {
        var random = new Random(12);
        for (var i = 0; i < 20000; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 120);
            for (var j = 0; j < length; j++)
            {
                text.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            ReadEverywhere(text.ToString());
        }
    }

    [Fact]
    public void Every_truncation_and_single_byte_mutation_of_good_fields_is_read_or_refused_without_throwing()
    {
        var random = new Random(7);
        foreach (var seed in Seeds)
        {
            for (var cut = 0; cut <= seed.Length; cut++)
            {
                ReadEverywhere(seed.Substring(0, cut));
            }

            for (var i = 0; i < 5000; i++)
            {
                var chars = seed.ToCharArray();
                chars[random.Next(chars.Length)] = Alphabet[random.Next(Alphabet.Length)];
                ReadEverywhere(new string(chars));
            }
        }
    }

    [Fact]
    public void Oversized_and_deeply_repeated_fields_are_refused_or_bounded()
    {
        Assert.Null(RtspTransport.ChooseFrom("RTP/AVP/TCP;interleaved=" + new string('9', 100000)));
        Assert.NotNull(RtspTransport.ChooseFrom(string.Concat(System.Linq.Enumerable.Repeat("RTP/SAVP,", 10000)) + "RTP/AVP/TCP"));
        Assert.Equal(string.Empty, RtspTarget.Parse("rtsp://h" + new string('/', 100000))!.Path);
        Assert.Null(RtspDigest.Parse("Digest " + string.Concat(System.Linq.Enumerable.Repeat("a=\"b\",", 10000))));
    }

    private static void ReadEverywhere(string text)
    {
        RtspTransport.ChooseFrom(text)?.Reply(1, 2);
        var target = RtspTarget.Parse(text);
        _ = target?.App;
        _ = target?.Stream;
        RtspDigest.Parse(text)?.Matches("DESCRIBE", "rtmpx", new byte[] { 1, 2 });
        RtspDigest.Parse("Digest " + text)?.Matches("SETUP", "rtmpx", Array.Empty<byte>());
    }
}
