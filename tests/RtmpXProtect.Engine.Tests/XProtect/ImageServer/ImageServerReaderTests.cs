using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using RtmpXProtect.Engine.XProtect.ImageServer;
using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.ImageServer;

public sealed class ImageServerReaderTests
{
    private static readonly byte[] Body = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();

    [Fact]
    public void An_image_reply_gives_its_times_body_and_request_id_and_its_trailer_is_skipped()
    {
        var messages = ReadAll(ImageServerBytes.Concat(ImageServerBytes.Image(Body), ImageServerBytes.Connected(8)));

        var image = Assert.IsType<ImageReply>(messages[0]);
        Assert.Equal(7, image.RequestId);
        Assert.Equal(1000, image.Previous);
        Assert.Equal(1040, image.Current);
        Assert.Equal(1080, image.Next);
        Assert.Equal(Body, Assert.Single(image.Parts));
        Assert.True(Assert.IsType<MethodResponse>(messages[1]).Connected);
    }

    [Fact]
    public void Header_names_are_matched_in_any_case_and_order()
    {
        var bytes = ImageServerBytes.Image(Body, "cONTENT-TYPE: application/x-genericbytedata-octet-stream\r\nnext: 9\r\nCURRENT: 8\r\nrequestid: 2\r\n");

        var image = Assert.IsType<ImageReply>(ReadAll(bytes).Single());

        Assert.Equal((2L, 8L, 9L), (image.RequestId!.Value, image.Current!.Value, image.Next!.Value));
        Assert.Null(image.Previous);
    }

    [Fact]
    public void A_multipart_reply_gives_one_part_per_picture()
    {
        var parts = new[] { Body, new byte[] { 1, 2, 3 }, new byte[] { 0x0D, 0x0A, 0x0D, 0x0A } };

        var image = Assert.IsType<ImageReply>(ReadAll(ImageServerBytes.Concat(ImageServerBytes.Multipart(parts), ImageServerBytes.Connected(1)))[0]);

        Assert.Equal(parts, image.Parts);
        Assert.Equal(5000, image.Current);
    }

    [Fact]
    public void A_quoted_boundary_is_understood()
    {
        var bytes = ImageServerBytes.Multipart(new[] { Body }, "xyz");
        var text = Encoding.Latin1.GetString(bytes).Replace("boundary=xyz", "boundary=\"xyz\"; charset=x");

        var image = Assert.IsType<ImageReply>(ReadAll(Encoding.Latin1.GetBytes(text)).Single());

        Assert.Equal(Body, Assert.Single(image.Parts));
    }

    [Fact]
    public void A_jpeg_is_told_by_its_first_bytes_not_by_its_content_type()
    {
        Assert.True(ImageReply.IsJpeg(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }));
        Assert.False(ImageReply.IsJpeg(new byte[] { 0x00, 0x10, 0, 0 }));
        Assert.False(ImageReply.IsJpeg(new byte[] { 0xFF }));
    }

    [Fact]
    public void A_refusal_carries_its_error_reason()
    {
        var bytes = ImageServerBytes.Xml("<?xml version=\"1.0\"?><methodresponse><requestid>1</requestid><methodname>connect</methodname><connected>no</connected><errorreason>Security token invalid</errorreason></methodresponse>");

        var response = Assert.IsType<MethodResponse>(ReadAll(bytes).Single());

        Assert.False(response.Connected);
        Assert.Equal("Security token invalid", response.ErrorReason);
        Assert.Equal("connect", response.MethodName);
        Assert.Equal(1, response.RequestId);
    }

    [Fact]
    public void A_livepackage_gives_its_status_items_and_says_when_the_camera_is_lost()
    {
        var messages = ReadAll(ImageServerBytes.Concat(ImageServerBytes.LiveStatus(0), ImageServerBytes.LiveStatus(1)));

        var first = Assert.IsType<LivePackage>(messages[0]);
        Assert.Equal(1700000000000, first.StatusTime);
        Assert.Equal(new[] { 1, 5 }, first.Items.Keys.OrderBy(k => k));
        Assert.False(first.CameraDisconnected);
        Assert.True(Assert.IsType<LivePackage>(messages[1]).CameraDisconnected);
    }

    [Fact]
    public void Every_truncation_of_a_stream_asks_for_more_and_never_yields_a_partial_message()
    {
        var stream = ImageServerBytes.Concat(ImageServerBytes.Connected(1), ImageServerBytes.Image(Body), ImageServerBytes.LiveStatus(0), ImageServerBytes.Multipart(new[] { Body, Body }));
        var whole = ReadAll(stream).Count;

        // The last two bytes are the trailer the next read skips; every cut before them must hold a message back.
        for (int cut = 0; cut < stream.Length - 2; cut++)
        {
            var messages = ReadAll(stream.AsSpan(0, cut).ToArray());
            Assert.True(messages.Count < whole, $"cut at {cut} yielded every message");
        }

        Assert.Equal(4, whole);
    }

    [Fact]
    public void Bytes_arriving_one_at_a_time_give_the_same_messages()
    {
        var stream = ImageServerBytes.Concat(ImageServerBytes.Image(Body), ImageServerBytes.Multipart(new[] { Body, Body }), ImageServerBytes.Connected(2));
        var reader = new ImageServerReader();
        var buffer = new List<byte>();
        var messages = new List<ImageServerMessage>();

        foreach (var b in stream)
        {
            buffer.Add(b);
            while (reader.TryRead(buffer.ToArray(), out var message, out var consumed) || consumed > 0)
            {
                buffer.RemoveRange(0, consumed);
                if (message != null)
                {
                    messages.Add(message);
                }
            }
        }

        Assert.Equal(3, messages.Count);
        Assert.Equal(2, ((ImageReply)messages[1]).Parts.Count);
    }

    [Theory]
    [InlineData("ImageResponse\r\nContent-length: 20000000\r\n\r\n", "exceeds the limit")]
    [InlineData("ImageResponse\r\nContent-length: -5\r\n\r\n", "no valid Content-length")]
    [InlineData("ImageResponse\r\nContent-type: x\r\n\r\n", "no valid Content-length")]
    [InlineData("ImageResponse\r\nno colon here\r\n\r\n", "not 'Name: value'")]
    [InlineData("Image\r\nContent-length: 1\r\n\r\n", "not an ImageResponse")]
    [InlineData("HTTP/1.1 200 OK\r\n\r\n", "out of step")]
    [InlineData("ImageResponse\r\nContent-type: multipart/related\r\n\r\n", "no boundary")]
    [InlineData("ImageResponse\r\nContent-type: multipart/related; boundary=b\r\n\r\n--c\r\n", "expected the boundary")]
    [InlineData("ImageResponse\r\nContent-type: multipart/related; boundary=b\r\n\r\n--b\r\n\r\n", "no headers")]
    [InlineData("<methodcall><x/></methodcall>\r\n\r\n", "neither a methodresponse nor a livepackage")]
    [InlineData("<methodresponse><a></methodresponse>\r\n\r\n", "not well-formed")]
    [InlineData("<!DOCTYPE x [<!ENTITY e \"e\">]><methodresponse>&e;</methodresponse>\r\n\r\n", "not well-formed")]
    public void Malformed_replies_are_refused_with_a_clear_reason(string text, string reason)
    {
        var error = Assert.Throws<ImageServerProtocolException>(() => ReadAll(Encoding.ASCII.GetBytes(text)));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Oversized_headers_xml_part_counts_and_replies_are_refused_before_they_are_buffered()
    {
        var limits = new ImageServerLimits { MaxHeaderBytes = 256, MaxXmlBytes = 1024, MaxParts = 2, MaxReplyBytes = 1024 };

        Assert.Contains("header longer", Refused(Encoding.ASCII.GetBytes("ImageResponse\r\n" + new string('a', 300)), limits));
        Assert.Contains("XML reply longer", Refused(Encoding.ASCII.GetBytes("<methodresponse>" + new string('a', 1100)), limits));
        Assert.Contains("more than 2 parts", Refused(ImageServerBytes.Multipart(new[] { Body, Body, Body }), limits));
        Assert.Contains("larger than the limit of 1024", Refused(ImageServerBytes.Multipart(new[] { new byte[600], new byte[600] }), limits));
        Assert.Contains("more than 64 lines", Refused(Encoding.ASCII.GetBytes("ImageResponse\r\n" + string.Concat(Enumerable.Repeat("a: b\r\n", 70)) + "\r\n"), ImageServerLimits.Default));
        Assert.Contains("more than 256 status items", Refused(ImageServerBytes.Xml("<livepackage>" + string.Concat(Enumerable.Repeat("<statusitem id=\"1\" value=\"1\"/>", 300)) + "</livepackage>"), ImageServerLimits.Default));
    }

    [Fact]
    public void Deeply_nested_xml_is_read_without_recursion_and_without_error()
    {
        var xml = "<methodresponse>" + string.Concat(Enumerable.Repeat("<a>", 5000)) + string.Concat(Enumerable.Repeat("</a>", 5000)) + "</methodresponse>";

        var response = Assert.IsType<MethodResponse>(ReadAll(ImageServerBytes.Xml(xml)).Single());

        Assert.Null(response.ErrorReason);
    }

    [Fact]
    public void Random_bytes_give_messages_a_request_for_more_or_a_protocol_error_and_nothing_else()
    {
        var random = new Random(1234);
        for (int i = 0; i < 3000; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            if (bytes.Length > 0 && random.Next(3) == 0)
            {
                bytes[0] = (byte)(random.Next(2) == 0 ? '<' : 'I');
            }

            try
            {
                ReadAll(bytes);
            }
            catch (ImageServerProtocolException)
            {
            }
        }
    }

    internal static List<ImageServerMessage> ReadAll(byte[] bytes, ImageServerLimits? limits = null)
    {
        var reader = new ImageServerReader(limits);
        var messages = new List<ImageServerMessage>();
        int offset = 0;
        while (reader.TryRead(bytes.AsSpan(offset), out var message, out var consumed))
        {
            offset += consumed;
            messages.Add(message!);
        }

        return messages;
    }

    private static string Refused(byte[] bytes, ImageServerLimits limits) =>
        Assert.Throws<ImageServerProtocolException>(() => ReadAll(bytes, limits)).Message;
}
