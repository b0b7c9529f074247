using System;
using System.Linq;
using System.Text;
using RtmpXProtect.Engine.Rtsp.Messages;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtsp;

public sealed class RtspWriterTests
{
    [Fact]
    public void A_response_is_written_with_its_headers_in_order_and_the_content_length_of_its_body()
    {
        var headers = new RtspHeaders().Add("CSeq", "2").Add("Content-Type", "application/sdp").Add("Content-Length", "999");
        var bytes = RtspWriter.Write(new RtspResponse(200, "OK", headers, Encoding.ASCII.GetBytes(RtspBytes.Sdp)));

        Assert.Equal($"RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Type: application/sdp\r\nContent-Length: {RtspBytes.Sdp.Length}\r\n\r\n{RtspBytes.Sdp}", Encoding.ASCII.GetString(bytes));
    }

    [Fact]
    public void A_written_request_reads_back_as_itself()
    {
        var request = new RtspRequest("ANNOUNCE", "rtsp://127.0.0.1:8554/live/cam1", new RtspHeaders().Add("CSeq", "1").Add("Content-Type", "application/sdp"), Encoding.ASCII.GetBytes(RtspBytes.Sdp));

        var read = Assert.IsType<RtspRequest>(Assert.Single(RtspReaderTests.ReadAll(RtspWriter.Write(request))));

        Assert.Equal(request.Method, read.Method);
        Assert.Equal(request.Uri, read.Uri);
        Assert.Equal(new[] { "CSeq", "Content-Type", "Content-Length" }, read.Headers.Select(h => h.Key));
        Assert.Equal(RtspBytes.Sdp, Encoding.ASCII.GetString(read.Body.ToArray()));
    }

    [Fact]
    public void A_value_that_would_start_a_header_of_its_own_is_refused()
    {
        var headers = new RtspHeaders();
        Assert.Throws<ArgumentException>(() => headers.Add("Session", "1\r\nWWW-Authenticate: Basic"));
        Assert.Throws<ArgumentException>(() => headers.Add("Bad Name", "x"));
        Assert.Throws<ArgumentException>(() => new RtspResponse(200, "OK\r\nX: y"));
        Assert.Throws<ArgumentException>(() => new RtspRequest("PLAY", "rtsp://h/a b"));
        Assert.Empty(headers);
    }

    [Fact]
    public void An_interleaved_frame_is_dollar_channel_length_payload()
    {
        var destination = new byte[10];
        int written = RtspWriter.WriteInterleaved(1, new byte[] { 0x80, 0xC8, 0x00 }, destination);

        Assert.Equal(7, written);
        Assert.Equal(new byte[] { (byte)'$', 1, 0, 3, 0x80, 0xC8, 0x00 }, destination.Take(written));
        Assert.Throws<ArgumentException>(() => RtspWriter.WriteInterleaved(0, new byte[65536], new byte[70000]));
        Assert.Throws<ArgumentException>(() => RtspWriter.WriteInterleaved(0, new byte[10], new byte[13]));
    }
}
