using System;
using System.Text;
using RtmpXProtect.Engine.XProtect.ImageServer;
using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.ImageServer;

public sealed class ImageServerRequestsTests
{
    private static readonly Guid Camera = Guid.Parse("3a1f6f0e-52a5-4d4b-9c7c-7e2c8a8a0b11");

    [Fact]
    public void Connect_asks_for_the_native_codec_and_multipart_and_carries_the_token_escaped_in_connectparam()
    {
        var text = Encoding.UTF8.GetString(ImageServerRequests.Connect(1, Camera, "TOKEN#a&b<c", multipart: true));

        Assert.EndsWith("</methodcall>\r\n\r\n", text);
        Assert.Contains("<methodname>connect</methodname>", text);
        Assert.Contains("<alwaysstdjpeg>no</alwaysstdjpeg>", text);
        Assert.Contains("<multipartdata>yes</multipartdata>", text);
        Assert.Contains($"<connectparam>id={Camera:D}&amp;connectiontoken=TOKEN#a&amp;b&lt;c</connectparam>", text);
        Assert.Single(text.Split("\r\n\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Goto_sends_unix_milliseconds_and_all_frames()
    {
        var text = Encoding.UTF8.GetString(ImageServerRequests.Goto(4, DateTimeOffset.FromUnixTimeMilliseconds(1700000000123)));

        Assert.Contains("<requestid>4</requestid><methodname>goto</methodname><time>1700000000123</time><keyframesonly>no</keyframesonly>", text);
    }

    [Fact]
    public void A_request_without_a_token_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ImageServerRequests.ConnectUpdate(1, Camera, string.Empty));
    }
}
