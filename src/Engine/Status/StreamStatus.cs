using System;

namespace RtmpXProtect.Engine.Status
{
    /// <summary>One live stream at the moment of a <see cref="ServerStatus"/>.</summary>
    /// <param name="Path">"app/name", never the query (which may hold a key).</param>
    /// <param name="IsPublished">False while players wait for a publisher.</param>
    /// <param name="PublisherSessionId">The publishing session's id, null when unpublished.</param>
    /// <param name="PublisherAddress">The publisher's address and port, null when unpublished.</param>
    /// <param name="VideoCodec">"h264", "hevc", "av1", ... once the video sequence header arrived; null before or without video.</param>
    /// <param name="Width">Video width in pixels, 0 when unknown.</param>
    /// <param name="Height">Video height in pixels, 0 when unknown.</param>
    /// <param name="AudioCodec">"aac", "mp3", "opus", ... once known; null before or without audio.</param>
    /// <param name="BitrateKbps">Received payload in kbit/s over the last five whole seconds.</param>
    /// <param name="Players">Player sessions (recorders are not players).</param>
    /// <param name="BytesIn">Payload bytes received in the current publish.</param>
    /// <param name="BytesOut">Bytes queued to its players since the stream appeared (framing included).</param>
    /// <param name="Uptime">Time since the current publish started; zero when unpublished.</param>
    public sealed record StreamStatus(
        string Path,
        bool IsPublished,
        long? PublisherSessionId,
        string? PublisherAddress,
        string? VideoCodec,
        int Width,
        int Height,
        string? AudioCodec,
        double BitrateKbps,
        int Players,
        long BytesIn,
        long BytesOut,
        TimeSpan Uptime);
}
