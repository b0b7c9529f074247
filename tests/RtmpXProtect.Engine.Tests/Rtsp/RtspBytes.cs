using System.Linq;
using System.Text;

namespace RtmpXProtect.Engine.Tests.Rtsp;

/// <summary>RTSP traffic as real peers send it, for the reader's tests and the fuzzer's corpus.</summary>
internal static class RtspBytes
{
    // As ffmpeg 5.1 sends it (captured request shape; the User-Agent is its own).
    public const string Describe = "DESCRIBE rtsp://127.0.0.1:8554/live/cam1 RTSP/1.0\r\nAccept: application/sdp\r\nCSeq: 2\r\nUser-Agent: Lavf59.27.100\r\n\r\n";

    public const string Sdp = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=cam1\r\nt=0 0\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=control:trackID=0\r\n";

    // RFC 2326 §10.4 (SETUP) with TCP-interleaved transport, as GStreamer's rtspsrc asks for it.
    public const string Setup = "SETUP rtsp://127.0.0.1:8554/live/cam1/trackID=0 RTSP/1.0\r\nCSeq: 3\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n";

    public static string DescribeAnswer => $"RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Base: rtsp://127.0.0.1:8554/live/cam1/\r\nContent-Type: application/sdp\r\nContent-Length: {Sdp.Length}\r\n\r\n{Sdp}";

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    public static byte[] Interleaved(byte channel, int length) =>
        new byte[] { (byte)'$', channel, (byte)(length >> 8), (byte)length }.Concat(Enumerable.Range(0, length).Select(i => (byte)(0x80 + (i % 100)))).ToArray();

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
