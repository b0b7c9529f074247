using System;

namespace RtmpXProtect.Engine.Status
{
    /// <summary>One connected client at the moment of a <see cref="ServerStatus"/>.</summary>
    /// <param name="Id">The connection id the log lines carry; <c>TryDropSession</c> takes it.</param>
    /// <param name="Remote">The peer's address and port.</param>
    /// <param name="Role">Publisher, player or undecided.</param>
    /// <param name="Path">"app/name" it publishes or plays, without the query (which may hold a key); null when undecided.</param>
    /// <param name="ConnectedAt">When it connected (UTC).</param>
    /// <param name="BytesIn">Bytes read from it.</param>
    /// <param name="BytesOut">Bytes queued for it.</param>
    /// <param name="Protocol">"rtmp", "rtmps", "rtsp" or "rtsps": the port it came in on.</param>
    /// <param name="Transport">How its media travels: "tcp", or "udp" for an RTSP player over RTP/UDP.</param>
    public sealed record SessionStatus(long Id, string Remote, SessionRole Role, string? Path, DateTimeOffset ConnectedAt, long BytesIn, long BytesOut, string Protocol = "rtmp", string Transport = "tcp");
}
