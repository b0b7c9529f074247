using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Tests.Fuzz;

namespace RtmpXProtect.Bench.Fuzz;

/// <summary>
/// Longer runs of the fuzzers than CI affords:
/// <c>dotnet run -c Release -- [--iterations N | --minutes M] [--seed S] [--connection]</c>.
/// Without <c>--connection</c> it fuzzes the session (handshake, chunks, AMF, media) directly; with it,
/// the server's connection path. Prints iterations/s and stops at the first failure, naming the seed
/// that reproduces it (exit code 1).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var iterations = long.Parse(Option(args, "--iterations") ?? "100000", CultureInfo.InvariantCulture);
        var minutes = Option(args, "--minutes") is string m ? double.Parse(m, CultureInfo.InvariantCulture) : (double?)null;
        var seed = int.Parse(Option(args, "--seed") ?? "1", CultureInfo.InvariantCulture);
        var throughConnection = args.Contains("--connection");

        var corpora = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "*.bin").OrderBy(f => f, StringComparer.Ordinal).Select(f => RecordedSession.Parse(File.ReadAllBytes(f))).ToArray();
        await using var server = new RtmpServer(new RtmpServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0) });
        var sessions = new SessionFuzzer(corpora);
        var connections = new ConnectionFuzzer(corpora, server);
        var clock = Stopwatch.StartNew();
        var deadline = minutes.HasValue ? TimeSpan.FromMinutes(minutes.Value) : TimeSpan.MaxValue;
        long done = 0;
        try
        {
            for (; (minutes.HasValue || done < iterations) && clock.Elapsed < deadline; done++)
            {
                var current = unchecked(seed + (int)done);
                if (throughConnection)
                {
                    await connections.RunAsync(current);
                }
                else
                {
                    sessions.Run(current);
                }
            }
        }
        catch (FuzzFailure failure)
        {
            Console.WriteLine($"FAILED after {done} iterations: {failure.Message}");
            Console.WriteLine($"reproduce: dotnet run -c Release -- --iterations 1 --seed {failure.Seed}{(throughConnection ? " --connection" : string.Empty)}");
            Console.WriteLine(failure.InnerException);
            return 1;
        }

        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        var outcome = throughConnection
            ? "closed for " + string.Join(", ", server.Rejections.Snapshot().Where(r => r.Value > 0))
            : sessions.Rejected + " rejected as protocol or AMF errors, " + sessions.ReachedPublishOrPlay + " reached publish or play";
        Console.WriteLine($"{(throughConnection ? "connection" : "session")} path: {done} iterations from seed {seed} in {seconds:0.0} s ({done / seconds:0} /s): no failure; {outcome}; heap {GC.GetTotalMemory(true) / 1024} KiB");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
