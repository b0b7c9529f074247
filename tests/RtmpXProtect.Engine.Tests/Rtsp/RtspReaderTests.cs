using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using RtmpXProtect.Engine.Rtsp.Messages;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtsp;

public sealed class RtspReaderTests
{
    [Fact]
    public void A_request_gives_its_method_uri_and_headers_in_order()
    {
        var request = Assert.IsType<RtspRequest>(Assert.Single(ReadAll(RtspBytes.Ascii(RtspBytes.Describe))));

        Assert.Equal("DESCRIBE", request.Method);
        Assert.Equal("rtsp://127.0.0.1:8554/live/cam1", request.Uri);
        Assert.Equal(new[] { "Accept", "CSeq", "User-Agent" }, request.Headers.Select(h => h.Key));
        Assert.Equal(2, request.Headers.CSeq);
        Assert.Equal("application/sdp", request.Headers.Get("accept"));
        Assert.True(request.Body.IsEmpty);
    }

    [Fact]
    public void A_response_gives_its_code_reason_and_exactly_its_content_length_of_body()
    {
        var bytes = RtspBytes.Concat(RtspBytes.Ascii(RtspBytes.DescribeAnswer), RtspBytes.Ascii("RTSP/1.0 454 Session Not Found\r\nCSeq: 9\r\n\r\n"));
        var messages = ReadAll(bytes);

        var answer = Assert.IsType<RtspResponse>(messages[0]);
        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("OK", answer.Reason);
        Assert.Equal(RtspBytes.Sdp, Encoding.ASCII.GetString(answer.Body.ToArray()));
        var refusal = Assert.IsType<RtspResponse>(messages[1]);
        Assert.Equal(454, refusal.StatusCode);
        Assert.Equal("Session Not Found", refusal.Reason);
        Assert.Equal(9, refusal.Headers.CSeq);
    }

    [Fact]
    public void Interleaved_frames_mix_with_requests_on_one_connection()
    {
        var bytes = RtspBytes.Concat(RtspBytes.Interleaved(0, 1400), RtspBytes.Ascii("GET_PARAMETER rtsp://h/live/cam1 RTSP/1.0\r\nCSeq: 7\r\nSession: 12345678\r\n\r\n"), RtspBytes.Interleaved(1, 0), RtspBytes.Interleaved(3, 65535));
        var messages = ReadAll(bytes);

        Assert.Equal(4, messages.Count);
        var rtp = Assert.IsType<InterleavedFrame>(messages[0]);
        Assert.Equal(0, rtp.Channel);
        Assert.Equal(1400, rtp.Payload.Length);
        Assert.Equal(0x80, rtp.Payload.Span[0]);
        Assert.Equal("GET_PARAMETER", Assert.IsType<RtspRequest>(messages[1]).Method);
        Assert.Equal(0, Assert.IsType<InterleavedFrame>(messages[2]).Payload.Length);
        Assert.Equal(65535, Assert.IsType<InterleavedFrame>(messages[3]).Payload.Length);
    }

    [Fact]
    public void Keep_alive_line_ends_between_messages_are_skipped_and_a_folded_header_continues()
    {
        var bytes = RtspBytes.Ascii("\r\n\r\nOPTIONS * RTSP/1.0\r\nCSeq: 1\r\nRequire: implicit-play,\r\n  com.example.feature\r\n\r\n\r\n");
        var request = Assert.IsType<RtspRequest>(Assert.Single(ReadAll(bytes)));

        Assert.Equal("*", request.Uri);
        Assert.Equal("implicit-play, com.example.feature", request.Headers.Get("Require"));
    }

    [Fact]
    public void Every_truncation_of_a_stream_asks_for_more_and_never_yields_a_partial_message()
    {
        var bytes = RtspBytes.Concat(RtspBytes.Ascii(RtspBytes.Setup), RtspBytes.Interleaved(0, 300), RtspBytes.Ascii(RtspBytes.DescribeAnswer));
        var whole = ReadAll(bytes);
        Assert.Equal(3, whole.Count);
        for (int cut = 0; cut < bytes.Length; cut++)
        {
            var part = ReadAll(bytes.AsSpan(0, cut).ToArray());
            Assert.True(part.Count < 3, $"cut at {cut} gave every message");
            Assert.Equal(whole.Take(part.Count).Select(Describe), part.Select(Describe));
        }
    }

    [Fact]
    public void Bytes_arriving_one_at_a_time_give_the_same_messages()
    {
        var bytes = RtspBytes.Concat(RtspBytes.Ascii(RtspBytes.Describe), RtspBytes.Interleaved(1, 40), RtspBytes.Ascii(RtspBytes.DescribeAnswer));
        var reader = new RtspReader();
        var held = new List<byte>();
        var messages = new List<RtspTcpMessage>();
        foreach (var b in bytes)
        {
            held.Add(b);
            while (reader.TryRead(held.ToArray(), out var message, out var consumed) || consumed > 0)
            {
                held.RemoveRange(0, consumed);
                if (message != null)
                {
                    messages.Add(message);
                }
            }
        }

        Assert.Empty(held);
        Assert.Equal(ReadAll(bytes).Select(Describe), messages.Select(Describe));
    }

    [Theory]
    [InlineData("DESCRIBE rtsp://h/a RTSP/2.0\r\nCSeq: 1\r\n\r\n", "RTSP version 'RTSP/2.0' is not supported", 505)]
    [InlineData("DESCRIBE rtsp://h/a HTTP/1.1\r\n\r\n", "RTSP version 'HTTP/1.1' is not supported", 505)]
    [InlineData("DESCRIBE  rtsp://h/a RTSP/1.0\r\n\r\n", "Malformed RTSP request line", 400)]
    [InlineData("DE(SCRIBE rtsp://h/a RTSP/1.0\r\n\r\n", "Malformed RTSP request line", 400)]
    [InlineData("OPTIONS * RTSP/1.0\r\nCSeq 1\r\n\r\n", "Malformed RTSP header line 'CSeq 1'", 400)]
    [InlineData("OPTIONS * RTSP/1.0\r\n continued\r\n\r\n", "starts with a continuation line", 400)]
    [InlineData("OPTIONS * RTSP/1.0\r\nContent-Length: -1\r\n\r\n", "Content-Length '-1' is not a number", 400)]
    [InlineData("OPTIONS * RTSP/1.0\r\nContent-Length: 2\r\ncontent-length: 3\r\n\r\nabc", "Two different RTSP Content-Length", 400)]
    [InlineData("RTSP/1.0 20 OK\r\n\r\n", "has no three-digit code", 400)]
    [InlineData("OPTIONS * RTSP/1.0\r\nX-A: a\u0001b\r\n\r\n", "byte 0x01", 400)]
    [InlineData("OPTIONS rtsp://h/a\nb RTSP/1.0\r\n\r\n", "bare CR or LF", 400)]
    [InlineData("\u0016\u0003\u0001\u0002\u0000\u0001", "byte 0x16", 400)]
    [InlineData("OPTIONS * RTSP/1.0\r\nSession: abc\r\n x\nSet-Cookie: evil\r\n\r\n", "bare CR or LF", 400)]
    [InlineData("OPTIONS * RTSP/1.0\r\nX-A: a\rb\r\n\r\n", "bare CR or LF", 400)]
    public void Malformed_messages_are_refused_with_a_clear_reason_and_the_answer_to_give(string text, string reason, int status)
    {
        var error = Assert.Throws<RtspProtocolException>(() => ReadAll(Encoding.UTF8.GetBytes(text)));
        Assert.Contains(reason, error.Message);
        Assert.Equal(status, error.StatusCode);
    }

    [Fact]
    public void Oversized_header_blocks_header_counts_and_bodies_are_refused_before_they_are_buffered()
    {
        var limits = new RtspLimits { MaxHeaderBytes = 512, MaxHeaders = 8, MaxBodyBytes = 1000 };

        var endless = RtspBytes.Ascii("OPTIONS * RTSP/1.0\r\nX-Long: " + new string('a', 600));
        Assert.Contains("larger than the limit of 512", Refused(endless, limits).Message);
        var many = RtspBytes.Ascii("OPTIONS * RTSP/1.0\r\n" + string.Concat(Enumerable.Range(0, 9).Select(i => $"X-{i}: {i}\r\n")) + "\r\n");
        Assert.Contains("More than 8 RTSP headers", Refused(many, limits).Message);

        // The body is refused from its Content-Length alone, before a byte of it arrives.
        var body = RtspBytes.Ascii("ANNOUNCE rtsp://h/live/a RTSP/1.0\r\nCSeq: 2\r\nContent-Length: 99999999999\r\n\r\n");
        var error = Refused(body, limits);
        Assert.Equal(413, error.StatusCode);
        Assert.Contains("larger than the limit of 1000", error.Message);
    }

    [Fact]
    public void A_header_folded_over_a_thousand_lines_is_read_without_recursion_and_one_past_the_limit_is_refused()
    {
        var folded = "OPTIONS * RTSP/1.0\r\nX-Folded: start\r\n" + string.Concat(Enumerable.Repeat(" more\r\n", 1000)) + "\r\n";
        var request = Assert.IsType<RtspRequest>(Assert.Single(ReadAll(RtspBytes.Ascii(folded))));
        Assert.Equal(1 + 1000, request.Headers.Get("X-Folded")!.Split(' ').Length);

        var limits = new RtspLimits { MaxHeaderBytes = folded.Length - 5 };
        Assert.Contains("larger than the limit", Refused(RtspBytes.Ascii(folded), limits).Message);
    }

    [Fact]
    public void Random_bytes_give_messages_a_request_for_more_or_a_protocol_error_and_nothing_else()
    {
        var random = new Random(2326);
        var starts = new[] { "$", "RTSP/1.0 ", "PLAY ", "OPTIONS * RTSP/1.0\r\n" };
        for (int i = 0; i < 3000; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            if (random.Next(2) == 0)
            {
                bytes = RtspBytes.Concat(RtspBytes.Ascii(starts[random.Next(starts.Length)]), bytes);
            }

            try
            {
                ReadAll(bytes);
            }
            catch (RtspProtocolException)
            {
            }
        }
    }

    internal static List<RtspTcpMessage> ReadAll(byte[] bytes, RtspLimits? limits = null)
    {
        var reader = new RtspReader(limits);
        var messages = new List<RtspTcpMessage>();
        int offset = 0;
        while (reader.TryRead(bytes.AsSpan(offset), out var message, out var consumed))
        {
            offset += consumed;
            messages.Add(message!);
        }

        return messages;
    }

    private static RtspProtocolException Refused(byte[] bytes, RtspLimits limits) =>
        Assert.Throws<RtspProtocolException>(() => ReadAll(bytes, limits));

    private static string Describe(RtspTcpMessage message) => message switch
    {
        RtspRequest r => $"{r.Method} {r.Uri} {string.Join("|", r.Headers.Select(h => h.Key + "=" + h.Value))} {Convert.ToBase64String(r.Body.ToArray())}",
        RtspResponse r => $"{r.StatusCode} {r.Reason} {string.Join("|", r.Headers.Select(h => h.Key + "=" + h.Value))} {Convert.ToBase64String(r.Body.ToArray())}",
        InterleavedFrame f => $"${f.Channel} {Convert.ToBase64String(f.Payload.ToArray())}",
        _ => throw new InvalidOperationException(),
    };
}
