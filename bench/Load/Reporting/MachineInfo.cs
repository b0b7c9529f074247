using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace RtmpXProtect.Bench.Load.Reporting;

/// <summary>The machine and peer versions a table was measured on, so figures are never read without them.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, string Memory, string Kernel, string Dotnet, string Nginx, string Node, string Nms, string Rtmpx)
{
    public static MachineInfo Collect(string nmsPackageJson, string? rtmpx)
    {
        var cpu = ReadFirst("/proc/cpuinfo", "model name") ?? "unknown";
        var memory = ReadFirst("/proc/meminfo", "MemTotal") is { } total && long.TryParse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], out var kb)
            ? $"{kb / 1048576.0:0.0} GiB"
            : "unknown";
        var kernel = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : RuntimeInformation.OSDescription;
        var nms = File.Exists(nmsPackageJson)
            ? File.ReadLines(nmsPackageJson).FirstOrDefault(l => l.Contains("\"version\"", StringComparison.Ordinal))?.Split('"')[3] ?? "unknown"
            : "not available";
        return new MachineInfo(cpu, Environment.ProcessorCount, memory, kernel, RuntimeInformation.FrameworkDescription, Run("nginx", "-v"), Run("node", "--version"), nms, rtmpx ?? "not measured");
    }

    private static string? ReadFirst(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?.Substring(line.IndexOf(':', StringComparison.Ordinal) + 1).Trim();
    }

    private static string Run(string program, string argument)
    {
        try
        {
            var info = new ProcessStartInfo(program, argument) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(info)!;
            var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return text.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not installed";
        }
    }
}
