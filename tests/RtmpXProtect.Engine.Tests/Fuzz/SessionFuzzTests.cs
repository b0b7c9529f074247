using System;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace RtmpXProtect.Engine.Tests.Fuzz;

/// <summary>The seeded mutation fuzzer over sessions recorded from real ffmpeg, at a size CI can afford.</summary>
public sealed class SessionFuzzTests
{
    // Seconds on one core; bench/Fuzz runs as many as you like.
    private const int Iterations = 10_000;
    private const int FirstSeed = 1;

    private readonly ITestOutputHelper _output;

    public SessionFuzzTests(ITestOutputHelper output) => _output = output;

    public static RecordedSession[] Corpora()
        => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fuzz", "Corpus"), "*.bin").OrderBy(f => f, StringComparer.Ordinal).Select(f => RecordedSession.Parse(File.ReadAllBytes(f))).ToArray();

    [Fact]
    public void Ten_thousand_mutated_ffmpeg_sessions_end_in_a_documented_rejection_or_cleanly_and_memory_stays_bounded()
    {
        var corpora = Corpora();
        Assert.Equal(2, corpora.Length);
        var fuzzer = new SessionFuzzer(corpora);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        for (var seed = FirstSeed; seed < FirstSeed + Iterations; seed++)
        {
            fuzzer.Run(seed, session => session.PendingInputBytes);
        }

        var grown = GC.GetTotalMemory(forceFullCollection: true) - before;
        _output.WriteLine($"{Iterations} iterations (seeds {FirstSeed}..{FirstSeed + Iterations - 1}): {fuzzer.Rejected} rejected, {fuzzer.ReachedPublishOrPlay} reached publish or play, max held {fuzzer.MaxHeldBytes} bytes ({fuzzer.MaxHeldBeyondInput} beyond input), heap grew {grown} bytes");

        // Within the default per-connection budget, which the server enforces on top; and what a session holds
        // beyond what it was sent is at most a first 64 KiB buffer per chunk stream it may open.
        Assert.InRange(fuzzer.MaxHeldBytes, 0, new RtmpXProtect.Engine.Server.AdmissionLimits().MemoryBudgetPerConnection);
        Assert.InRange(fuzzer.MaxHeldBeyondInput, long.MinValue, WireLimits.Default.MaxChunkStreams * 64L * 1024);
        Assert.InRange(grown, long.MinValue, 64L * 1024 * 1024);

        // A fuzzer whose every input is rejected at once tests only the handshake.
        Assert.InRange(fuzzer.Rejected, 1, Iterations - 1);
    }

    [Fact]
    public void The_same_seed_gives_the_same_mutation()
    {
        var corpora = Corpora();
        var first = Mutator.Mutate(corpora[0].Bytes, corpora[1].Bytes, new Random(42));
        var second = Mutator.Mutate(corpora[0].Bytes, corpora[1].Bytes, new Random(42));
        Assert.Equal(first, second);
        Assert.NotEqual(corpora[0].Bytes, first);
    }
}
