using System;
using System.Collections.Concurrent;
using System.Net;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>
/// An rtmpx server in the test process on an ephemeral loopback port, with waits on its publish
/// events so tests never guess when a peer got through.
/// </summary>
public sealed class InProcessServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<LiveStream>> _started = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<LiveStream>> _stopped = new();

    public InProcessServer(string? recordDirectory = null, RtmpServerOptions? options = null)
    {
        Server = new RtmpServer(options ?? new RtmpServerOptions
        {
            Endpoint = new IPEndPoint(IPAddress.Loopback, 0),
            RecordDirectory = recordDirectory,

            // Interop tests start many peers from 127.0.0.1 within a second; the defaults are for the internet.
            Admission = new AdmissionLimits { MaxConnectionsPerAddress = 100_000, NewConnectionsPerSecondPerAddress = 100_000, MaxUndecidedConnections = 100_000 },
        }, Log.Logger);
        Server.Hub.PublishStarted += stream => Slot(_started, stream.Key).TrySetResult(stream);
        Server.Hub.PublishStopped += stream => Slot(_stopped, stream.Key).TrySetResult(stream);
        Server.Start();
    }

    public RtmpServer Server { get; }

    /// <summary>What the server logged, for a failing assertion's message.</summary>
    public ServerLog Log { get; } = new();

    public int Port => Server.LocalEndPoint.Port;

    public string Url(string stream, string app = "live") => $"rtmp://127.0.0.1:{Port}/{app}/{stream}";

    /// <summary>The rtmps:// URL of the server's TLS endpoint, when it has one.</summary>
    public string TlsUrl(string stream, string app = "live") => $"rtmps://127.0.0.1:{Server.TlsLocalEndPoint.Port}/{app}/{stream}";

    /// <summary>Completes when "live/<paramref name="stream"/>" is published.</summary>
    public Task<LiveStream> Published(string stream, TimeSpan timeout) => Slot(_started, "live/" + stream).Task.WaitAsync(timeout);

    /// <summary>Completes when the publish of "live/<paramref name="stream"/>" ended.</summary>
    public Task<LiveStream> Unpublished(string stream, TimeSpan timeout) => Slot(_stopped, "live/" + stream).Task.WaitAsync(timeout);

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    private static TaskCompletionSource<LiveStream> Slot(ConcurrentDictionary<string, TaskCompletionSource<LiveStream>> slots, string key)
        => slots.GetOrAdd(key, _ => new TaskCompletionSource<LiveStream>(TaskCreationOptions.RunContinuationsAsynchronously));
}
