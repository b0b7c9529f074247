using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace RtmpXProtect.Bench.Load.Servers;

/// <summary>
/// The rtmpx that is measured: on Linux the NativeAOT build its package ships (published into the
/// benchmark's cache before the runs, so the JIT never runs inside a measured window), or the JIT
/// build the benchmark was compiled with (<c>--rtmpx jit</c>, and on other systems).
/// </summary>
internal sealed record RtmpxBinary(string FileName, IReadOnlyList<string> LeadingArguments, string Description)
{
    /// <summary>The arguments to start it with <paramref name="arguments"/>.</summary>
    public string[] Arguments(params string[] arguments) => LeadingArguments.Concat(arguments).ToArray();

    /// <summary>The JIT build beside the benchmark, or null when it is missing.</summary>
    public static RtmpxBinary? Jit(BenchPaths paths) =>
        File.Exists(paths.RtmpxDll) ? new RtmpxBinary("dotnet", new[] { paths.RtmpxDll }, "JIT (dotnet rtmpx.dll, tiered PGO)") : null;

    /// <summary>Publishes the package's NativeAOT build into the cache (incremental) and returns it.</summary>
    public static async Task<RtmpxBinary> PublishNativeAsync(BenchPaths paths)
    {
        var output = Path.Combine(paths.Cache, "rtmpx-native");
        var project = Path.Combine(paths.Root, "src", "Cli", "Cli.csproj");
        Console.WriteLine("publishing the NativeAOT rtmpx into " + output);
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                "publish", project, "-c", "Release", "-r", "linux-x64", "-p:RtmpxPackage=true",
                "-p:PackagesDirectory=" + paths.Cache + Path.DirectorySeparatorChar, "-o", output, "-nologo", "-v", "quiet",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        var file = Path.Combine(output, "rtmpx");
        if (process.ExitCode != 0 || !File.Exists(file))
        {
            throw new InvalidOperationException("publishing the NativeAOT rtmpx failed:\n" + await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
        }

        return new RtmpxBinary(file, Array.Empty<string>(), "NativeAOT (the linux-x64 package's build)");
    }
}
