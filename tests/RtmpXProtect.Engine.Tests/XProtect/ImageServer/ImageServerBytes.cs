using System.Collections.Generic;
using System.IO;
using System.Text;

namespace RtmpXProtect.Engine.Tests.XProtect.ImageServer;

/// <summary>ImageServer replies laid out as the public clients (TVV, WIP) show a recorder writes them.</summary>
internal static class ImageServerBytes
{
    public static byte[] Image(byte[] body, string headers = "RequestId: 7\r\nPrev: 1000\r\nCurrent: 1040\r\nNext: 1080\r\nContent-type: application/x-genericbytedata-octet-stream\r\nPrivacyMask: none\r\n")
    {
        var stream = new MemoryStream();
        Write(stream, "ImageResponse\r\n" + headers + $"Content-length: {body.Length}\r\n\r\n");
        stream.Write(body);
        Write(stream, "\r\n\r\n");
        return stream.ToArray();
    }

    public static byte[] Multipart(IReadOnlyList<byte[]> parts, string boundary = "b0")
    {
        var stream = new MemoryStream();
        Write(stream, $"ImageResponse\r\nRequestId: 3\r\nCurrent: 5000\r\nNext: 6000\r\nContent-type: multipart/related; boundary={boundary}\r\n\r\n");
        foreach (var part in parts)
        {
            Write(stream, $"--{boundary}\r\nContent-length: {part.Length}\r\n\r\n");
            stream.Write(part);
            Write(stream, "\r\n");
        }

        Write(stream, $"--{boundary}--\r\n\r\n");
        return stream.ToArray();
    }

    public static byte[] Xml(string xml) => Encoding.UTF8.GetBytes(xml + "\r\n\r\n");

    public static byte[] Connected(long id) =>
        Xml($"<?xml version=\"1.0\" encoding=\"utf-8\"?><methodresponse><requestid>{id}</requestid><methodname>connect</methodname><connected>yes</connected></methodresponse>");

    public static byte[] LiveStatus(int connectionLost) =>
        Xml($"<?xml version=\"1.0\" encoding=\"utf-8\"?><livepackage><status><statustime>1700000000000</statustime><statusitem id=\"1\" value=\"0\"/><statusitem id=\"5\" value=\"{connectionLost}\"/></status></livepackage>");

    public static byte[] Concat(params byte[][] pieces)
    {
        var stream = new MemoryStream();
        foreach (var piece in pieces)
        {
            stream.Write(piece);
        }

        return stream.ToArray();
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.ASCII.GetBytes(text));
}
