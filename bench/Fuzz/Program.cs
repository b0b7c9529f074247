using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using RtmpXProtect.Engine.Tests.Fuzz;

namespace RtmpXProtect.Bench.Fuzz;

/// <summary>
/// Longer runs of the session fuzzer than CI affords:
/// <c>dotnet run -c Release -- [--iterations N | --minutes M] [--seed S]</c>. Prints iterations/s and
/// stops at the first failure, naming the seed that reproduces it (exit code 1).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var iterations = long.Parse(Option(args, "--iterations") ?? "100000", CultureInfo.InvariantCulture);
        var minutes = Option(args, "--minutes") is string m ? double.Parse(m, CultureInfo.InvariantCulture) : (double?)null;
        var seed = int.Parse(Option(args, "--seed") ?? "1", CultureInfo.InvariantCulture);

        var corpora = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "*.bin").OrderBy(f => f, StringComparer.Ordinal).Select(f => RecordedSession.Parse(File.ReadAllBytes(f))).ToArray();
        var fuzzer = new SessionFuzzer(corpora);
        var clock = Stopwatch.StartNew();
        var deadline = minutes.HasValue ? TimeSpan.FromMinutes(minutes.Value) : TimeSpan.MaxValue;
        long done = 0;
        try
        {
            for (; (minutes.HasValue || done < iterations) && clock.Elapsed < deadline; done++)
            {
                fuzzer.Run(unchecked(seed + (int)done));
            }
        }
        catch (FuzzFailure failure)
        {
            Console.WriteLine($"FAILED after {done} iterations: {failure.Message}");
            Console.WriteLine($"reproduce: dotnet run -c Release -- --iterations 1 --seed {failure.Seed}");
            Console.WriteLine(failure.InnerException);
            return 1;
        }

        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        Console.WriteLine($"{done} iterations from seed {seed} in {seconds:0.0} s ({done / seconds:0} /s): no failure; {fuzzer.Rejected} rejected as protocol or AMF errors; heap {GC.GetTotalMemory(true) / 1024} KiB");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
