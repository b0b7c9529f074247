using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Tests.Fuzz;

/// <summary>
/// Runs mutated sessions through the server's real connection path (<see cref="RtmpConnection"/> over a
/// <see cref="MemoryTransport"/>, one shared server and hub): whatever the bytes, the connection must end
/// without an exception escaping it, as the documented closes do, and leave nothing published behind.
/// </summary>
internal sealed class ConnectionFuzzer
{
    private readonly RecordedSession[] _corpora;
    private readonly RtmpServer _server;
    private readonly ConnectionAdmission _admission;
    private long _nextId;

    public ConnectionFuzzer(RecordedSession[] corpora, RtmpServer server)
    {
        _corpora = corpora;
        _server = server;
        _admission = new ConnectionAdmission(new AdmissionLimits { MaxConnections = 100_000, MaxConnectionsPerAddress = 100_000, NewConnectionsPerSecondPerAddress = 100_000, MaxUndecidedConnections = 100_000 });
    }

    /// <summary>Mutates and runs the input for <paramref name="seed"/>; throws <see cref="FuzzFailure"/> when an exception escapes the connection.</summary>
    public async Task RunAsync(int seed)
    {
        var random = new Random(seed);
        var recorded = _corpora[random.Next(_corpora.Length)];
        var input = Mutator.Mutate(recorded.Bytes, _corpora[random.Next(_corpora.Length)].Bytes, random);
        var transport = new MemoryTransport(RecordedSession.Reads(input, recorded.ReadEnds, random));
        _admission.TryAdmit(IPAddress.Parse("192.0.2.1"), _server.Now, out var ticket, out _);
        var connection = new RtmpConnection(_server, transport, Interlocked.Increment(ref _nextId), ticket!);
        try
        {
            await connection.RunAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw new FuzzFailure(seed, e);
        }
    }
}
