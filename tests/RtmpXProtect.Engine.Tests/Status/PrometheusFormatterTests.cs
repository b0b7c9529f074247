using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Status;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Status
{
    public class PrometheusFormatterTests
    {
        private static readonly Regex SampleLine = new Regex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*=""(?:[^""\\\n]|\\[\\""n])*""\})? [^ ]+$");

        private static ServerStatus Status(params StreamStatus[] streams) => new ServerStatus(
            DateTimeOffset.UtcNow,
            TimeSpan.FromSeconds(12.5),
            3,
            streams,
            Array.Empty<SessionStatus>(),
            new Dictionary<RejectionReason, long> { [RejectionReason.HandshakeTimeout] = 4 });

        private static StreamStatus Stream(string path, bool published = true) =>
            new StreamStatus(path, published, 1, "127.0.0.1:5000", "h264", 320, 240, "aac", 512.5, 2, 1000, 2000, TimeSpan.FromSeconds(3));

        [Fact]
        public void Every_line_is_a_comment_or_a_well_formed_sample_and_the_text_ends_in_a_newline()
        {
            var text = PrometheusFormatter.Format(Status(Stream("live/cam1"), Stream("live/we\"ird\\path\nx")));
            Assert.EndsWith("\n", text);
            foreach (var line in text.TrimEnd('\n').Split('\n'))
            {
                Assert.True(line.StartsWith("# HELP ") || line.StartsWith("# TYPE ") || SampleLine.IsMatch(line), line);
            }
        }

        [Fact]
        public void Each_family_has_one_HELP_and_one_TYPE_before_its_samples_and_counters_end_in_total()
        {
            var lines = PrometheusFormatter.Format(Status(Stream("live/cam1"))).TrimEnd('\n').Split('\n');
            var types = lines.Where(l => l.StartsWith("# TYPE ")).Select(l => l.Split(' ')).ToList();
            Assert.Equal(types.Count, types.Select(t => t[2]).Distinct().Count());
            Assert.All(types.Where(t => t[3] == "counter"), t => Assert.EndsWith("_total", t[2]));
            foreach (var sample in lines.Where(l => !l.StartsWith("#")))
            {
                var name = sample.Split('{', ' ')[0];
                var typeAt = Array.FindIndex(lines, l => l.StartsWith("# TYPE " + name + " "));
                var helpAt = Array.FindIndex(lines, l => l.StartsWith("# HELP " + name + " "));
                Assert.InRange(typeAt, 0, Array.IndexOf(lines, sample));
                Assert.InRange(helpAt, 0, typeAt);
            }
        }

        [Fact]
        public void Label_values_escape_backslash_quote_and_line_feed()
        {
            Assert.Equal("a\\\\b\\\"c\\nd", PrometheusFormatter.EscapeLabelValue("a\\b\"c\nd"));
            var text = PrometheusFormatter.Format(Status(Stream("live/a\"b")));
            Assert.Contains("rtmpx_stream_players{path=\"live/a\\\"b\"} 2\n", text);
        }

        [Fact]
        public void Every_rejection_reason_is_present_with_zero_when_none_happened()
        {
            var text = PrometheusFormatter.Format(Status());
            foreach (RejectionReason reason in Enum.GetValues(typeof(RejectionReason)))
            {
                var expected = reason == RejectionReason.HandshakeTimeout ? "4" : "0";
                Assert.Contains($"rtmpx_rejections_total{{reason=\"{reason}\"}} {expected}\n", text);
            }
        }

        [Fact]
        public void Per_path_figures_and_the_count_of_published_streams_are_written()
        {
            var text = PrometheusFormatter.Format(Status(Stream("live/cam1"), Stream("live/waiting", published: false)));
            Assert.Contains("rtmpx_streams 1\n", text);
            Assert.Contains("rtmpx_connections 3\n", text);
            Assert.Contains("rtmpx_stream_bytes_received_total{path=\"live/cam1\"} 1000\n", text);
            Assert.Contains("rtmpx_stream_bytes_sent_total{path=\"live/cam1\"} 2000\n", text);
            Assert.Contains("rtmpx_stream_bitrate_bits_per_second{path=\"live/cam1\"} 512500\n", text);
        }
    }
}
