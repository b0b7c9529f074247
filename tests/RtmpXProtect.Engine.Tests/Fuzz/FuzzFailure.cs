using System;

namespace RtmpXProtect.Engine.Tests.Fuzz;

/// <summary>An undocumented exception escaped a fuzzed session; the seed reproduces the input.</summary>
public sealed class FuzzFailure : Exception
{
    public FuzzFailure(int seed, Exception inner)
        : base($"seed {seed}: {inner.GetType().Name}: {inner.Message}", inner) => Seed = seed;

    public int Seed { get; }
}
