using System;
using System.Globalization;
using System.Text;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Status
{
    /// <summary>
    /// Writes a <see cref="ServerStatus"/> in the Prometheus text exposition format 0.0.4: one
    /// HELP and TYPE line per family, counters named *_total, label values escaped. Every
    /// rejection reason is written, zero included, so a rate() over it never starts from a gap.
    /// </summary>
    public static class PrometheusFormatter
    {
        /// <summary>The Content-Type a scrape answer carries.</summary>
        public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

        /// <summary>The exposition text for <paramref name="status"/>, ending in a newline.</summary>
        public static string Format(ServerStatus status)
        {
            if (status == null)
            {
                throw new ArgumentNullException(nameof(status));
            }

            var text = new StringBuilder(1024 + (status.Streams.Count * 600));
            Family(text, "rtmpx_uptime_seconds", "gauge", "Seconds since the server started.");
            Sample(text, "rtmpx_uptime_seconds", null, null, status.Uptime.TotalSeconds);
            Family(text, "rtmpx_connections", "gauge", "Connected clients.");
            Sample(text, "rtmpx_connections", null, null, status.Connections);
            Family(text, "rtmpx_streams", "gauge", "Streams being published.");
            var published = 0;
            foreach (var stream in status.Streams)
            {
                published += stream.IsPublished ? 1 : 0;
            }

            Sample(text, "rtmpx_streams", null, null, published);
            PerStream(text, status, "rtmpx_stream_bytes_received_total", "counter", "Payload bytes received from the publisher in the current publish.", s => s.BytesIn);
            PerStream(text, status, "rtmpx_stream_bytes_sent_total", "counter", "Bytes queued to the stream's players.", s => s.BytesOut);
            PerStream(text, status, "rtmpx_stream_players", "gauge", "Players of the stream.", s => s.Players);
            PerStream(text, status, "rtmpx_stream_bitrate_bits_per_second", "gauge", "Received payload bit rate over the last five seconds.", s => s.BitrateKbps * 1000);
            Family(text, "rtmpx_rejections_total", "counter", "Connections refused or closed, by reason (timeouts included).");
            foreach (RejectionReason reason in Enum.GetValues(typeof(RejectionReason)))
            {
                status.Rejections.TryGetValue(reason, out var count);
                Sample(text, "rtmpx_rejections_total", "reason", reason.ToString(), count);
            }

            return text.ToString();
        }

        /// <summary>A label value as the format wants it: backslash, double quote and line feed escaped.</summary>
        public static string EscapeLabelValue(string value)
        {
            if (value == null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            return value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
        }

        private static void PerStream(StringBuilder text, ServerStatus status, string name, string type, string help, Func<StreamStatus, double> value)
        {
            Family(text, name, type, help);
            foreach (var stream in status.Streams)
            {
                Sample(text, name, "path", stream.Path, value(stream));
            }
        }

        private static void Family(StringBuilder text, string name, string type, string help)
        {
            // HELP text escapes backslash and line feed only (the format's rule), the help here has neither.
            text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
            text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        }

        private static void Sample(StringBuilder text, string name, string? label, string? value, double sample)
        {
            text.Append(name);
            if (label != null)
            {
                text.Append('{').Append(label).Append("=\"").Append(EscapeLabelValue(value!)).Append("\"}");
            }

            text.Append(' ').Append(sample.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
    }
}
