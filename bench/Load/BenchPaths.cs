using System;
using System.IO;

namespace RtmpXProtect.Bench.Load;

/// <summary>Where the repository, the rtmpx build and the cached media and node-media-server are.</summary>
internal sealed class BenchPaths
{
    public BenchPaths(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public string Cache => Path.Combine(Root, "bench", ".cache");

    /// <summary>rtmpx as built with this benchmark: bin/&lt;Configuration&gt;/net10.0 mirrors the benchmark's own.</summary>
    public string RtmpxDll => Path.Combine(Root, "src", "Cli", "bin", new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name, "net10.0", "rtmpx.dll");

    public string NmsDirectory => Path.Combine(Cache, "nms");

    public string NmsApp => Path.Combine(NmsDirectory, "node_modules", "node-media-server", "bin", "app.js");

    /// <summary>Finds the directory holding RtmpXProtect.sln above the working directory or the program.</summary>
    public static BenchPaths Locate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "RtmpXProtect.sln")))
                {
                    return new BenchPaths(directory.FullName);
                }
            }
        }

        throw new InvalidOperationException("RtmpXProtect.sln not found above " + Directory.GetCurrentDirectory());
    }
}
