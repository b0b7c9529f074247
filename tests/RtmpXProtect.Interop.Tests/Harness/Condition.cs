using System;
using System.Threading;
using System.Threading.Tasks;

namespace RtmpXProtect.Interop.Tests.Harness;

/// <summary>Waiting for a state a peer shows only on disk (a file growing, fragments flushed), where there is no event to wait on.</summary>
public static class Condition
{
    /// <summary>Returns once <paramref name="condition"/> holds; fails with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        using var stop = new CancellationTokenSource(timeout);
        while (!condition())
        {
            try
            {
                await Task.Delay(50, stop.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}.");
            }
        }
    }
}
