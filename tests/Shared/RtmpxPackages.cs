using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;

namespace RtmpXProtect.Tests.Shared;

/// <summary>
/// The self-contained rtmpx packages an instance installs from, built on first use with the same
/// command build.ps1 -Task Package runs (dotnet publish -c Release -r RID -p:RtmpxPackage=true) and
/// reused while no source is newer. Test runs in several processes (the interop tests, the Pester
/// suite) share them through a machine-wide mutex, so one publish runs at a time.
/// </summary>
public static class RtmpxPackages
{
    /// <summary>The package folder for <paramref name="runtime"/> (its zip is next to it), built when missing or stale.</summary>
    public static string Folder(string runtime = "linux-x64")
    {
        var root = RepositoryRoot();
        var version = Version(root);
        var folder = Path.Combine(root, "artifacts", "packages", $"rtmpx-{version}-{runtime}");
        using var mutex = new Mutex(false, "Global\\rtmpx-package-" + runtime);
        try
        {
            if (!mutex.WaitOne(TimeSpan.FromMinutes(10)))
            {
                throw new TimeoutException($"Another test process has built the {runtime} package for 10 minutes.");
            }
        }
        catch (AbandonedMutexException)
        {
            // A test process died while building: this one builds again.
        }

        try
        {
            var stamp = Path.Combine(folder, "rtmpx.package.json");
            if (!File.Exists(stamp) || !File.Exists(folder + ".zip") || NewestSource(root) > File.GetLastWriteTimeUtc(stamp))
            {
                Publish(root, runtime);
            }

            return folder;
        }
        finally
        {
            mutex.ReleaseMutex();
        }
    }

    /// <summary>
    /// False when the package cannot be built here: on Linux the linux-x64 one is compiled ahead of
    /// time, which needs clang (.ci/run installs it), so a developer box without it skips what
    /// installs a package, as it skips tests whose peers are missing.
    /// </summary>
    public static bool CanPublish(string runtime = "linux-x64") =>
        runtime != "linux-x64" || !OperatingSystem.IsLinux()
        || (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, "clang")));

    /// <summary>The zip of the package for <paramref name="runtime"/>.</summary>
    public static string Zip(string runtime = "linux-x64") => Folder(runtime) + ".zip";

    /// <summary>The repository root (where RtmpXProtect.sln is).</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "RtmpXProtect.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("RtmpXProtect.sln not found above " + AppContext.BaseDirectory);
    }

    private static string Version(string root)
    {
        var props = File.ReadAllText(Path.Combine(root, "Directory.Build.props"));
        var start = props.IndexOf("<Version>", StringComparison.Ordinal) + "<Version>".Length;
        return props.Substring(start, props.IndexOf("</Version>", start, StringComparison.Ordinal) - start);
    }

    private static DateTime NewestSource(string root) => new[] { "src/Engine", "src/Cli", "dsc" }
        .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
        .Where(file => !file.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                       && !file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        .Append(Path.Combine(root, "Directory.Build.props"))
        .Max(File.GetLastWriteTimeUtc);

    private static void Publish(string root, string runtime)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "publish", Path.Combine("src", "Cli", "Cli.csproj"), "-c", "Release", "-r", runtime, "-p:RtmpxPackage=true", "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit((int)TimeSpan.FromMinutes(10).TotalMilliseconds) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish of the {runtime} package failed:\n{output}\n{error.Result}");
        }
    }
}
