using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace RtmpXProtect.Bench.Load.Servers;

/// <summary>
/// Installs node-media-server 4 from npm into bench/.cache/nms the first time it is needed, so the
/// one benchmark command works on a fresh machine with node and npm.
/// </summary>
internal static class NodeMediaServerPackage
{
    public static async Task EnsureAsync(BenchPaths paths)
    {
        if (File.Exists(paths.NmsApp))
        {
            return;
        }

        Directory.CreateDirectory(paths.NmsDirectory);
        File.WriteAllText(Path.Combine(paths.NmsDirectory, "package.json"), "{ \"private\": true, \"dependencies\": { \"node-media-server\": \"^4.0.0\" } }\n");
        var info = new ProcessStartInfo("npm") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = paths.NmsDirectory };
        foreach (var argument in new[] { "install", "--no-audit", "--no-fund", "--omit=dev" })
        {
            info.ArgumentList.Add(argument);
        }

        Console.WriteLine("installing node-media-server@4 with npm into " + paths.NmsDirectory);
        try
        {
            using var npm = Process.Start(info) ?? throw new InvalidOperationException("npm could not be started.");
            var errors = npm.StandardError.ReadToEndAsync();
            await npm.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
            await npm.WaitForExitAsync().ConfigureAwait(false);
            if (npm.ExitCode != 0)
            {
                Console.WriteLine($"npm install failed ({npm.ExitCode}): {await errors.ConfigureAwait(false)}");
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            // No npm on this machine: the node-media-server column says why it is empty.
            Console.WriteLine("npm is not available: " + e.Message);
        }
    }
}
