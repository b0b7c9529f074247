using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace RtmpXProtect.Bench.Export;

/// <summary>A child's peak resident memory: the kernel's high-water mark (VmHWM), read until it exits.</summary>
internal static class PeakMemory
{
    public static async Task<long> WatchAsync(Process process)
    {
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
            await Task.Delay(10);
        }

        return peak;
    }

    private static long HighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Substring(6).Trim().Split(' ')[0]) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
