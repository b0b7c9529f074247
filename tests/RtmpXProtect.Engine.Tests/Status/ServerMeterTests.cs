using System;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Status;
using RtmpXProtect.Engine.Tests.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Status
{
    public class ServerMeterTests
    {
        private static readonly string[] Names =
        {
            "rtmpx_uptime_seconds", "rtmpx_connections", "rtmpx_streams", "rtmpx_stream_bytes_received_total", "rtmpx_stream_bytes_sent_total",
            "rtmpx_stream_players", "rtmpx_stream_bitrate_bits_per_second", "rtmpx_rejections_total", "rtmpx_rtsp_rejections_total", "rtmpx_sessions",
        };

        [Fact]
        public async Task The_meter_reports_streams_sessions_and_every_rejection_reason_by_the_metric_names_of_the_prometheus_endpoint()
        {
            await using var server = RtmpServerTests.Start();
            await using var publisher = await RtmpServerTests.Publish(server, "cam1");
            await using var player = await RtmpServerTests.Play(server, "cam1");
            await RtmpServerTests.SendStream(publisher, 1, gops: 1);
            await RtmpServerTests.ReadFrames(player, 7);

            var samples = MeterReading.Collect(server.Meter.Instruments);

            Assert.Equal(Names.OrderBy(n => n), samples.Select(s => s.Instrument).Distinct().OrderBy(n => n));
            Assert.All(samples.Where(s => s.Instrument.EndsWith("_total", StringComparison.Ordinal)), s => Assert.True(s.IsCounter, s.Instrument));
            Assert.Equal(2, samples.Single(s => s.Instrument == "rtmpx_connections").Value);
            Assert.Equal(1, samples.Single(s => s.Instrument == "rtmpx_stream_players" && s.Tags["path"] == "live/cam1").Value);
            Assert.True(samples.Single(s => s.Instrument == "rtmpx_stream_bytes_received_total" && s.Tags["path"] == "live/cam1").Value > 0);
            Assert.Equal(Enum.GetValues(typeof(RejectionReason)).Length, samples.Count(s => s.Instrument == "rtmpx_rejections_total"));
            Assert.Equal(Enum.GetValues(typeof(RejectionReason)).Length, samples.Count(s => s.Instrument == "rtmpx_rtsp_rejections_total"));
            Assert.Equal(2, samples.Single(s => s.Instrument == "rtmpx_sessions" && s.Tags["protocol"] == "rtmp" && s.Tags["transport"] == "tcp").Value);
            Assert.Equal(0, samples.Single(s => s.Instrument == "rtmpx_sessions" && s.Tags["protocol"] == "rtsp" && s.Tags["transport"] == "udp").Value);
        }

        [Fact]
        public async Task Two_servers_in_one_process_have_meters_of_their_own()
        {
            await using var first = RtmpServerTests.Start();
            await using var second = RtmpServerTests.Start();
            await using var publisher = await RtmpServerTests.Publish(first, "cam1");

            Assert.Equal(1, MeterReading.Collect(first.Meter.Instruments).Single(s => s.Instrument == "rtmpx_connections").Value);
            Assert.Equal(0, MeterReading.Collect(second.Meter.Instruments).Single(s => s.Instrument == "rtmpx_connections").Value);
            Assert.Equal(ServerMeter.MeterName, first.Meter.Instruments.Name);
        }
    }
}
