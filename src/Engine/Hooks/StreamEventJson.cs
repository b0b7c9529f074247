using System.Globalization;
using System.IO;
using System.Text.Json;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Hooks
{
    /// <summary>
    /// The JSON body hooks receive. Written field by field so that the format is a contract that a
    /// rename in the C# type cannot change; camelCase, duration in seconds.
    /// </summary>
    internal static class StreamEventJson
    {
        public static byte[] Serialize(StreamEvent e)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream))
            {
                json.WriteStartObject();
                json.WriteString("event", Name(e.Kind));
                json.WriteString("path", e.Path);
                json.WriteString("publisherAddress", e.PublisherAddress);
                json.WriteNumber("sessionId", e.SessionId);
                WriteNullable(json, "videoCodec", e.VideoCodec);
                json.WriteNumber("width", e.Width);
                json.WriteNumber("height", e.Height);
                WriteNullable(json, "audioCodec", e.AudioCodec);
                json.WriteNumber("bitrateKbps", e.BitrateKbps);
                WriteNullable(json, "reason", e.Reason);
                json.WriteString("startedAt", e.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
                json.WriteNumber("durationSeconds", System.Math.Round(e.Duration.TotalSeconds, 3));
                json.WriteEndObject();
            }

            return stream.ToArray();
        }

        /// <summary>"streamStarted" / "streamStopped", as the configuration's events lists name them.</summary>
        public static string Name(StreamEventKind kind) => kind == StreamEventKind.StreamStarted ? "streamStarted" : "streamStopped";

        private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
        {
            if (value == null)
            {
                json.WriteNull(name);
            }
            else
            {
                json.WriteString(name, value);
            }
        }
    }
}
