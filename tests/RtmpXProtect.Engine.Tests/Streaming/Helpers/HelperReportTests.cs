using System;
using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Helpers;
using RtmpXProtect.Engine.Streaming.Running;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Streaming.Helpers
{
    public class HelperReportTests
    {
        private static readonly DateTimeOffset At = new DateTimeOffset(2026, 11, 21, 18, 0, 1, 120, TimeSpan.FromHours(1));

        // The lines as the CLI's own serializer wrote them before the report moved into the engine:
        // a helper and a supervisor of different builds must keep reading each other.
        [Fact]
        public void A_status_line_is_written_byte_for_byte_as_the_protocol_has_it()
        {
            var status = new StreamerStatus
            {
                Name = "cam",
                Source = "cam.flv",
                State = StreamerState.Streaming,
                Uptime = TimeSpan.FromSeconds(62.5),
                Since = At,
                Fps = 25,
                ProcessId = 42,
                Destinations = new[]
                {
                    new DestinationStatus { Destination = "rtmp://a:1935/live/****", State = StreamerState.Streaming, BitrateKbps = 815, FramesSent = 1200 },
                    new DestinationStatus { Destination = "rtmp://b/é\"<>&'\u2028", State = StreamerState.Reconnecting, LastError = "connection refused", Reconnects = 2 },
                },
            };

            var text = HelperReport.Format(new ReportLine { Type = ReportLine.StatusType, Time = At, Status = status });

            Assert.Equal(
                """{"type":"status","time":"2026-11-21T18:00:01.12+01:00","status":{"name":"cam","source":"cam.flv","state":"Streaming","since":"2026-11-21T18:00:01.12+01:00","uptime":"00:01:02.5000000","bitrateKbps":0,"fps":25,"framesSent":0,"framesDropped":0,"reconnects":0,"processId":42,"restarts":0,"destinations":[{"destination":"rtmp://a:1935/live/****","state":"Streaming","since":"0001-01-01T00:00:00+00:00","uptime":"00:00:00","bitrateKbps":815,"fps":0,"framesSent":1200,"framesDropped":0,"reconnects":0},{"destination":"rtmp://b/\u00E9\u0022\u003C\u003E\u0026\u0027\u2028","state":"Reconnecting","lastError":"connection refused","since":"0001-01-01T00:00:00+00:00","uptime":"00:00:00","bitrateKbps":0,"fps":0,"framesSent":0,"framesDropped":0,"reconnects":2}]}}""",
                text);
        }

        [Fact]
        public void Event_and_log_lines_are_written_byte_for_byte_with_nulls_left_out()
        {
            var streamerEvent = new StreamerEvent { Kind = StreamerEventKind.DestinationStateChanged, Stream = "cam", Destination = "rtmp://h/live/****", State = StreamerState.Reconnecting, Message = "Reconnecting", Time = At };

            Assert.Equal(
                """{"type":"event","time":"2026-11-21T18:00:01.12+01:00","event":{"kind":"DestinationStateChanged","stream":"cam","destination":"rtmp://h/live/****","state":"Reconnecting","message":"Reconnecting","time":"2026-11-21T18:00:01.12+01:00"}}""",
                HelperReport.Format(new ReportLine { Type = ReportLine.EventType, Time = At, Event = streamerEvent }));
            Assert.Equal(
                """{"type":"log","time":"2026-11-21T18:00:01.12+01:00","level":"WRN","text":"Lost \u00E4 \u0022x\u0022 \u003Cb\u003E \\ \t end"}""",
                HelperReport.Format(new ReportLine { Type = ReportLine.LogType, Time = At, Level = "WRN", Text = "Lost ä \"x\" <b> \\ \t end" }));
            Assert.Equal("""{"type":"log","time":"2026-11-21T18:00:01.12+01:00"}""", HelperReport.Format(new ReportLine { Type = ReportLine.LogType, Time = At }));
        }

        [Fact]
        public void A_written_line_parses_back()
        {
            var text = HelperReport.Format(new ReportLine { Type = ReportLine.EventType, Time = At, Event = new StreamerEvent { Kind = StreamerEventKind.Error, Stream = "cam", State = StreamerState.Error, Message = "boom", Time = At } });

            var line = HelperReport.TryParse(text);

            Assert.Equal(ReportLine.EventType, line!.Type);
            Assert.Equal((StreamerEventKind.Error, "cam", StreamerState.Error, "boom", At), (line.Event!.Kind, line.Event.Stream, line.Event.State, line.Event.Message, line.Event.Time));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("Unhandled exception. System.Exception: boom")]
        [InlineData("{\"type\":\"weather\",\"time\":\"2026-11-21T18:00:00Z\"}")]
        [InlineData("{\"type\":\"status\",\"status\":{\"state\":\"Sleeping\"}}")]
        [InlineData("{\"type\":\"status\",\"time\":\"2026-11-21T18:00:00Z\"}")]
        [InlineData("{\"type\":\"event\"}")]
        [InlineData("{\"type\":\"state\",")]
        [InlineData("[1,2,3]")]
        public void A_line_that_is_no_report_line_is_skipped(string? text)
            => Assert.Null(HelperReport.TryParse(text));

        [Fact]
        public void An_overlong_line_is_skipped_before_it_is_parsed()
        {
            var text = "{\"type\":\"log\",\"text\":\"" + new string('x', HelperReport.MaxLineLength) + "\"}";
            Assert.Null(HelperReport.TryParse(text));
        }

        [Fact]
        public void Random_input_never_throws_from_the_parser()
        {
            var random = new Random(4711);
            var valid = HelperReport.Format(new ReportLine { Type = ReportLine.StatusType, Time = DateTimeOffset.UnixEpoch, Status = new StreamerStatus { Name = "cam", State = StreamerState.Streaming, Destinations = new[] { new DestinationStatus { Destination = "rtmp://h/live/****", FramesSent = 5 } } } });
            for (var i = 0; i < 2000; i++)
            {
                var chars = valid.ToCharArray();
                for (var j = random.Next(1, 6); j > 0; j--)
                {
                    chars[random.Next(chars.Length)] = (char)random.Next(0x20, 0x7f);
                }

                _ = HelperReport.TryParse(new string(chars, 0, random.Next(1, chars.Length + 1)));
            }
        }
    }
}
