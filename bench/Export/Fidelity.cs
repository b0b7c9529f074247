using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using RtmpXProtect.XProtectDouble;

namespace RtmpXProtect.Bench.Export;

/// <summary>What ffprobe finds in an exported file: its frames, and how far their times are from the recording's.</summary>
internal sealed record Fidelity(int Frames, long WorstMs)
{
    public static Fidelity Of(string file, IReadOnlyList<RecordedPicture> recording, long to)
    {
        var csv = file + ".pts.csv";
        Media.Run("ffprobe", $"-v error -select_streams v -show_entries packet=pts_time -of csv=p=0 -o {csv} {file}");
        var shown = File.ReadAllLines(csv).Select(l => l.Trim().TrimEnd(',')).Where(l => l.Length > 0 && l != "N/A")
            .Select(l => (long)Math.Round(double.Parse(l, CultureInfo.InvariantCulture) * 1000)).OrderBy(t => t).ToList();
        File.Delete(csv);
        var recorded = recording.TakeWhile(p => p.PresentationTime < to).Select(p => p.PresentationTime).OrderBy(t => t).ToList();
        long worst = shown.Count == 0 ? long.MaxValue : shown.Zip(recorded, (s, r) => Math.Abs((s - shown[0]) - (r - recorded[0]))).DefaultIfEmpty(0).Max();
        return new Fidelity(shown.Count, worst);
    }
}
