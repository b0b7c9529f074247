using System;
using System.Collections.Generic;
using System.Linq;

namespace RtmpXProtect.Bench.Load.Scenarios;

/// <summary>Nearest-rank percentiles and medians.</summary>
internal static class Percentiles
{
    /// <summary>The <paramref name="percent"/>th percentile by nearest rank; NaN for no values.</summary>
    public static double Of(IReadOnlyList<double> sorted, double percent)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>The median of the values that are numbers; NaN when none are.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var numbers = values.Where(v => !double.IsNaN(v)).OrderBy(v => v).ToList();
        if (numbers.Count == 0)
        {
            return double.NaN;
        }

        var middle = numbers.Count / 2;
        return numbers.Count % 2 == 1 ? numbers[middle] : (numbers[middle - 1] + numbers[middle]) / 2;
    }
}
