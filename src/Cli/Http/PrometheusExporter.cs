using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Prometheus;

namespace RtmpXProtect.Cli.Http
{
    /// <summary>
    /// The Prometheus text of one server's meter, written by prometheus-net. prometheus-net's own
    /// MeterAdapter would rename every metric (meter name in front) and export counters as gauges;
    /// this keeps each instrument's name and kind: an observable counter is a Prometheus counter
    /// (started again when its value goes back, as a stream's bytes do at a new publish), an
    /// observable gauge a gauge, and a series whose labels stopped being observed (a stream that
    /// ended) is dropped.
    /// </summary>
    internal sealed class PrometheusExporter : IDisposable
    {
        private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();
        private readonly IMetricFactory _factory;
        private readonly MeterListener _listener = new MeterListener();
        private readonly object _gate = new object();
        private readonly Dictionary<string, Counter> _counters = new Dictionary<string, Counter>(StringComparer.Ordinal);
        private readonly Dictionary<string, Gauge> _gauges = new Dictionary<string, Gauge>(StringComparer.Ordinal);
        private readonly HashSet<string> _observed = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Listens to the instruments of <paramref name="meter"/> only (a process may hold several servers).</summary>
        public PrometheusExporter(Meter meter)
        {
            _factory = Metrics.WithCustomRegistry(_registry);
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
            _listener.Start();
        }

        /// <summary>The Content-Type of the text.</summary>
        public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

        /// <summary>Observes every instrument now and writes the exposition text.</summary>
        public async Task WriteAsync(Stream output, CancellationToken cancel)
        {
            lock (_gate)
            {
                _observed.Clear();
                _listener.RecordObservableInstruments();
                DropUnobserved();
            }

            await _registry.CollectAndExportAsTextAsync(output, cancel).ConfigureAwait(false);
        }

        /// <inheritdoc />
        public void Dispose() => _listener.Dispose();

        private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var names = new string[tags.Length];
            var values = new string[tags.Length];
            for (int i = 0; i < tags.Length; i++)
            {
                names[i] = tags[i].Key;
                values[i] = tags[i].Value?.ToString() ?? string.Empty;
            }

            _observed.Add(SeriesKey(instrument.Name, values));
            var help = instrument.Description ?? instrument.Name;
            if (IsCounter(instrument))
            {
                var counter = Collector(_counters, instrument.Name, () => _factory.CreateCounter(instrument.Name, help, names));
                if (names.Length == 0)
                {
                    counter.IncTo(value);
                    return;
                }

                var series = counter.WithLabels(values);
                if (value < series.Value)
                {
                    // A counter that went back (a new publish of the stream) is a new series to Prometheus: a reset.
                    counter.RemoveLabelled(values);
                    series = counter.WithLabels(values);
                }

                series.IncTo(value);
            }
            else
            {
                var gauge = Collector(_gauges, instrument.Name, () => _factory.CreateGauge(instrument.Name, help, names));
                if (names.Length == 0)
                {
                    gauge.Set(value);
                }
                else
                {
                    gauge.WithLabels(values).Set(value);
                }
            }
        }

        private static T Collector<T>(Dictionary<string, T> collectors, string name, Func<T> create)
        {
            if (!collectors.TryGetValue(name, out var collector))
            {
                collector = create();
                collectors[name] = collector;
            }

            return collector;
        }

        private void DropUnobserved()
        {
            foreach (var pair in _counters)
            {
                Drop(pair.Key, pair.Value.GetAllLabelValues(), values => pair.Value.RemoveLabelled(values));
            }

            foreach (var pair in _gauges)
            {
                Drop(pair.Key, pair.Value.GetAllLabelValues(), values => pair.Value.RemoveLabelled(values));
            }
        }

        private void Drop(string name, IEnumerable<string[]> series, Action<string[]> remove)
        {
            foreach (var values in new List<string[]>(series))
            {
                if (values.Length > 0 && !_observed.Contains(SeriesKey(name, values)))
                {
                    remove(values);
                }
            }
        }

        private static bool IsCounter(Instrument instrument)
            => instrument is ObservableCounter<int> || instrument is ObservableCounter<long> || instrument is ObservableCounter<double>;

        private static string SeriesKey(string name, string[] values) => name + "\n" + string.Join("\n", values);
    }
}
