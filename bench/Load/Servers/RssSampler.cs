using System;
using System.Threading;
using System.Threading.Tasks;

namespace RtmpXProtect.Bench.Load.Servers;

/// <summary>Samples a process tree's resident memory every 200 ms and keeps the peak.</summary>
internal sealed class RssSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;

    public RssSampler(int pid)
    {
        _pid = pid;
        _loop = LoopAsync();
    }

    public long PeakBytes => Math.Max(Interlocked.Read(ref _peak), ProcessTree.ResidentBytes(_pid));

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        var members = new System.Collections.Generic.List<int>();
        var samples = 0;
        try
        {
            do
            {
                // The process list is walked once a second; reading VmRSS of known members is cheap.
                if (members.Count == 0 || ++samples % 5 == 0)
                {
                    members = ProcessTree.Members(_pid);
                }

                var now = ProcessTree.ResidentBytes(members);
                if (now > Interlocked.Read(ref _peak))
                {
                    Interlocked.Exchange(ref _peak, now);
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
        }
    }
}
