using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using Xunit;
using Xunit.Abstractions;

namespace RtmpXProtect.Engine.Tests.Fuzz;

/// <summary>The fuzzer through the server's own connection path: what a socket peer would reach.</summary>
public sealed class ConnectionFuzzTests
{
    private const int Iterations = 2000;
    private const int FirstSeed = 1_000_001;

    private readonly ITestOutputHelper _output;

    public ConnectionFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Two_thousand_mutated_ffmpeg_sessions_through_a_real_connection_end_without_an_escaping_exception_and_leave_no_stream_published()
    {
        await using var server = new RtmpServer(new RtmpServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0) });
        var fuzzer = new ConnectionFuzzer(SessionFuzzTests.Corpora(), server);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        for (var seed = FirstSeed; seed < FirstSeed + Iterations; seed++)
        {
            await fuzzer.RunAsync(seed);
        }

        var grown = GC.GetTotalMemory(forceFullCollection: true) - before;
        var counted = server.Rejections.Snapshot().Where(r => r.Value > 0).ToList();
        _output.WriteLine($"{Iterations} iterations (seeds {FirstSeed}..{FirstSeed + Iterations - 1}); closed for: {string.Join(", ", counted)}; {server.Hub.Streams.Count} stream entries left; heap grew {grown} bytes");

        Assert.DoesNotContain(server.Hub.Streams, s => s.IsPublished);
        Assert.True(counted.Sum(r => r.Value) > Iterations / 2, "most mutated sessions end in a named rejection");
        Assert.InRange(grown, long.MinValue, 64L * 1024 * 1024);
    }
}
