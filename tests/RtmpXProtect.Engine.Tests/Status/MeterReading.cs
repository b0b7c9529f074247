using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;

namespace RtmpXProtect.Engine.Tests.Status
{
    /// <summary>One observation of every instrument of a meter, as dotnet-counters or a collector would take it.</summary>
    internal static class MeterReading
    {
        public sealed record Sample(string Instrument, bool IsCounter, double Value, IReadOnlyDictionary<string, string> Tags);

        public static List<Sample> Collect(Meter meter)
        {
            var samples = new List<Sample>();
            using var listener = new MeterListener();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            void Add(Instrument instrument, double value, System.ReadOnlySpan<KeyValuePair<string, object?>> tags)
                => samples.Add(new Sample(instrument.Name, instrument.GetType().Name.StartsWith("ObservableCounter"), value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString() ?? string.Empty)));
            listener.SetMeasurementEventCallback<int>((i, v, t, _) => Add(i, v, t));
            listener.SetMeasurementEventCallback<long>((i, v, t, _) => Add(i, v, t));
            listener.SetMeasurementEventCallback<double>((i, v, t, _) => Add(i, v, t));
            listener.Start();
            listener.RecordObservableInstruments();
            return samples;
        }
    }
}
