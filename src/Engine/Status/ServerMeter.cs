using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Status
{
    /// <summary>
    /// The server's counters and gauges as .NET metrics instruments (System.Diagnostics.Metrics),
    /// so dotnet-counters, OpenTelemetry collectors and the Prometheus endpoint all read the same
    /// numbers. The instruments are observed: a collection reads one status snapshot, taken at
    /// most once per <see cref="SnapshotLifetime"/>, however many instruments it covers.
    /// </summary>
    public sealed class ServerMeter : IDisposable
    {
        /// <summary>The meter's name, what a listener subscribes to ("dotnet-counters monitor --counters RtmpXProtect.Server").</summary>
        public const string MeterName = "RtmpXProtect.Server";

        private static readonly TimeSpan SnapshotLifetime = TimeSpan.FromMilliseconds(500);
        private readonly RtmpServer _server;
        private readonly Meter _meter;
        private readonly object _gate = new object();
        private ServerStatus? _snapshot;
        private long _snapshotAt;

        /// <summary>Publishes the instruments of <paramref name="server"/>.</summary>
        public ServerMeter(RtmpServer server)
        {
            _server = server ?? throw new ArgumentNullException(nameof(server));
            _meter = new Meter(MeterName, typeof(ServerMeter).Assembly.GetName().Version?.ToString());
            _meter.CreateObservableGauge("rtmpx_uptime_seconds", () => Status().Uptime.TotalSeconds, "s", "Seconds since the server started.");
            _meter.CreateObservableGauge("rtmpx_connections", () => Status().Connections, null, "Connected clients.");
            _meter.CreateObservableGauge("rtmpx_streams", () => Count(Status().Streams), null, "Streams being published.");
            _meter.CreateObservableCounter("rtmpx_stream_bytes_received_total", () => PerStream(s => s.BytesIn), "By", "Payload bytes received from the publisher in the current publish.");
            _meter.CreateObservableCounter("rtmpx_stream_bytes_sent_total", () => PerStream(s => s.BytesOut), "By", "Bytes queued to the stream's players.");
            _meter.CreateObservableGauge("rtmpx_stream_players", () => PerStream(s => s.Players), null, "Players of the stream.");
            _meter.CreateObservableGauge("rtmpx_stream_bitrate_bits_per_second", () => PerStream(s => s.BitrateKbps * 1000), "bit/s", "Received payload bit rate over the last five seconds.");
            _meter.CreateObservableCounter("rtmpx_rejections_total", () => ByReason(Status().Rejections), null, "Connections refused or closed, by reason (timeouts included).");
            _meter.CreateObservableCounter("rtmpx_rtsp_rejections_total", () => ByReason(Status().RtspRejections), null, "RTSP and RTSPS connections refused or closed, by reason.");
            _meter.CreateObservableGauge("rtmpx_sessions", Sessions, null, "Connected clients by protocol (rtmp, rtmps, rtsp, rtsps) and media transport (tcp, udp).");
        }

        /// <summary>The meter itself, for a listener that wants this server's instruments and no other's.</summary>
        public Meter Instruments => _meter;

        /// <inheritdoc />
        public void Dispose() => _meter.Dispose();

        private ServerStatus Status()
        {
            lock (_gate)
            {
                var now = Stopwatch.GetTimestamp();
                if (_snapshot == null || now - _snapshotAt > SnapshotLifetime.TotalSeconds * Stopwatch.Frequency)
                {
                    _snapshot = _server.GetStatus();
                    _snapshotAt = now;
                }

                return _snapshot;
            }
        }

        private static int Count(IReadOnlyList<StreamStatus> streams)
        {
            var published = 0;
            foreach (var stream in streams)
            {
                published += stream.IsPublished ? 1 : 0;
            }

            return published;
        }

        private IEnumerable<Measurement<double>> PerStream(Func<StreamStatus, double> value)
        {
            foreach (var stream in Status().Streams)
            {
                yield return new Measurement<double>(value(stream), new KeyValuePair<string, object?>("path", stream.Path));
            }
        }

        // Every reason, zero included, so a rate() over one never starts from a gap.
        private static IEnumerable<Measurement<long>> ByReason(IReadOnlyDictionary<RejectionReason, long> counts)
        {
            foreach (RejectionReason reason in Enum.GetValues(typeof(RejectionReason)))
            {
                counts.TryGetValue(reason, out var count);
                yield return new Measurement<long>(count, new KeyValuePair<string, object?>("reason", reason.ToString()));
            }
        }

        private IEnumerable<Measurement<int>> Sessions()
        {
            var counts = new Dictionary<(string, string), int>();
            foreach (var protocol in new[] { "rtmp", "rtmps", "rtsp", "rtsps" })
            {
                counts[(protocol, "tcp")] = 0;
            }

            counts[("rtsp", "udp")] = 0;
            counts[("rtsps", "udp")] = 0;
            foreach (var session in Status().Sessions)
            {
                counts.TryGetValue((session.Protocol, session.Transport), out var count);
                counts[(session.Protocol, session.Transport)] = count + 1;
            }

            foreach (var pair in counts)
            {
                yield return new Measurement<int>(pair.Value, new KeyValuePair<string, object?>("protocol", pair.Key.Item1), new KeyValuePair<string, object?>("transport", pair.Key.Item2));
            }
        }
    }
}
