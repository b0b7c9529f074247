using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace RtmpXProtect.Bench.Load.Servers;

/// <summary>
/// Measures a process and all its descendants from outside, through /proc, so every server is
/// measured the same way whatever it is written in.
/// </summary>
internal static class ProcessTree
{
    /// <summary>USER_HZ: /proc/PID/stat counts CPU time in these ticks (getconf CLK_TCK, 100 on Linux).</summary>
    private const double TicksPerSecond = 100.0;

    /// <summary>utime + stime of the process and its descendants, in seconds.</summary>
    public static double CpuSeconds(int pid)
    {
        long ticks = 0;
        foreach (var member in Members(pid))
        {
            if (ReadStat(member) is { } stat)
            {
                ticks += stat.UserTicks + stat.SystemTicks;
            }
        }

        return ticks / TicksPerSecond;
    }

    /// <summary>VmRSS of the process and its descendants, in bytes.</summary>
    public static long ResidentBytes(int pid) => SumStatus(Members(pid), "VmRSS:");

    /// <summary>VmRSS of the given processes, in bytes.</summary>
    public static long ResidentBytes(IEnumerable<int> members) => SumStatus(members, "VmRSS:");

    /// <summary>VmHWM (peak RSS the kernel saw) of the process and its descendants, in bytes.</summary>
    public static long PeakResidentBytes(int pid) => SumStatus(Members(pid), "VmHWM:");

    /// <summary>The process and every live descendant (walks /proc/*/stat parent ids).</summary>
    public static List<int> Members(int pid)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && ReadStat(id) is { } stat)
            {
                parents[id] = stat.ParentId;
            }
        }

        var members = new List<int> { pid };
        for (var i = 0; i < members.Count; i++)
        {
            foreach (var (child, parent) in parents)
            {
                if (parent == members[i] && !members.Contains(child))
                {
                    members.Add(child);
                }
            }
        }

        return members;
    }

    private static long SumStatus(IEnumerable<int> members, string field)
    {
        long bytes = 0;
        foreach (var member in members)
        {
            try
            {
                foreach (var line in File.ReadLines($"/proc/{member}/status"))
                {
                    if (line.StartsWith(field, StringComparison.Ordinal))
                    {
                        var parts = line.Substring(field.Length).Trim().Split(' ');
                        bytes += long.Parse(parts[0], CultureInfo.InvariantCulture) * 1024;
                        break;
                    }
                }
            }
            catch (IOException)
            {
                // The process ended between listing and reading.
            }
        }

        return bytes;
    }

    private static (int ParentId, long UserTicks, long SystemTicks)? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // The command name may hold spaces and parentheses: fields start after the last ')'.
        var close = text.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        var fields = text.Substring(close + 2).Split(' ');

        // After "pid (comm)": state(0) ppid(1) ... utime(11) stime(12), i.e. stat fields 3, 4, 14, 15.
        return (int.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[11], CultureInfo.InvariantCulture), long.Parse(fields[12], CultureInfo.InvariantCulture));
    }
}
