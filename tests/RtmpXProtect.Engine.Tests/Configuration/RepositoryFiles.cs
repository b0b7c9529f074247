using System;
using System.IO;

namespace RtmpXProtect.Engine.Tests.Configuration
{
    /// <summary>Files shipped in the repository (docs/), found from the test's output folder upwards.</summary>
    internal static class RepositoryFiles
    {
        public static string Path(string relative)
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("Not found above the test folder: " + relative);
        }
    }
}
