using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using RtmpXProtect.Interop.Tests.Peers;

namespace RtmpXProtect.Interop.Tests.Rtmpx;

/// <summary>The real `rtmpx` program as a peer process, built next to this test assembly's configuration.</summary>
public static class RtmpxCli
{
    private const int SigTerm = 15;
    private const int SigHup = 1;

    /// <summary>Starts `dotnet rtmpx.dll ARGS`.</summary>
    public static PeerProcess Start(params string[] arguments) => PeerProcess.Start("dotnet", Command(arguments));

    /// <summary>Starts `LAUNCHER dotnet rtmpx.dll ARGS`, as `nohup rtmpx serve` would be started: the launcher execs, so the process is rtmpx.</summary>
    public static PeerProcess StartUnder(string launcher, params string[] arguments)
    {
        var all = new List<string> { PeerRequirement.Require("dotnet") };
        all.AddRange(Command(arguments));
        return PeerProcess.Start(launcher, all);
    }

    /// <summary>Starts `dotnet rtmpx.dll ARGS` with these environment variables set (null removes one).</summary>
    public static PeerProcess StartWithEnvironment(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        return PeerProcess.Start("dotnet", Command(arguments), environment: environment);
    }

    /// <summary>Starts `dotnet rtmpx.dll ARGS` with <paramref name="standardInput"/> on its stdin (then closed), as `echo URL | rtmpx …` would.</summary>
    public static PeerProcess StartWithInput(string standardInput, params string[] arguments)
    {
        return PeerProcess.Start("dotnet", Command(arguments), standardInput: standardInput);
    }

    // `serve` listens for RTSP on 0.0.0.0:8554 unless told otherwise: tests running side by side
    // would fight over that port, so a serve that does not name its RTSP listener gets a free one.
    private static List<string> Command(string[] arguments)
    {
        var all = new List<string> { Locate() };
        all.AddRange(arguments);
        if (arguments.Length > 0 && arguments[0] == "serve" && !arguments.Contains("--rtsp") && !arguments.Contains("--no-rtsp"))
        {
            all.AddRange(new[] { "--rtsp", "127.0.0.1:0" });
        }

        return all;
    }

    /// <summary>Sends SIGTERM, as systemd or `docker stop` would.</summary>
    public static void Terminate(PeerProcess process) => Signal(process, SigTerm, "SIGTERM");

    /// <summary>Sends SIGHUP, as `systemctl reload` or `kill -HUP` would: serve reloads its file.</summary>
    public static void Hangup(PeerProcess process) => Signal(process, SigHup, "SIGHUP");

    /// <summary>
    /// The RTMP port (or with <paramref name="tls"/> the RTMPS port) `rtmpx serve` printed in its
    /// "listening on" line: tests ask for port 0, so no other process can take the port first.
    /// </summary>
    public static async Task<int> ListeningPortAsync(PeerProcess rtmpx, TimeSpan timeout, bool tls = false)
    {
        var marker = tls ? "rtmpx listening for RTMPS on" : "rtmpx listening on";
        var line = await rtmpx.WaitForOutputAsync(l => l.Contains(marker), timeout);
        return int.Parse(Regex.Match(line, @" on [^\s]+:(\d+)").Groups[1].Value);
    }

    /// <summary>"http://127.0.0.1:PORT" of the status API `rtmpx serve` printed it serves (tests ask for port 0).</summary>
    public static async Task<string> StatusApiAsync(PeerProcess rtmpx, TimeSpan timeout)
    {
        var line = await rtmpx.WaitForOutputAsync(l => l.Contains("Status API on"), timeout);
        return Regex.Match(line, @"(http://[0-9.:]+)/api").Groups[1].Value;
    }

    private static void Signal(PeerProcess process, int signal, string name)
    {
        if (kill(process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({process.Id}, {name}) failed: errno {Marshal.GetLastWin32Error()}");
        }
    }

    internal static string Locate()
    {
        // bin/<Configuration>/net10.0 of this project mirrors src/Cli's output folder.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        var root = framework;
        while (root != null && !File.Exists(Path.Combine(root.FullName, "RtmpXProtect.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("RtmpXProtect.sln not found above " + AppContext.BaseDirectory), "src", "Cli", "bin", configuration, framework.Name, "rtmpx.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("rtmpx is not built; dotnet test builds it.", dll);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
