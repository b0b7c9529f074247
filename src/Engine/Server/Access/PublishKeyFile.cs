using System;
using System.Collections.Generic;
using System.IO;

namespace RtmpXProtect.Engine.Server.Access
{
    /// <summary>
    /// Reads `--publish-key-file`: one key per line, "PATH KEY" for a path's own key (live/cam1 or
    /// a bare stream1), "KEY" or "* KEY" for a key that publishes any path; blank lines and lines
    /// starting with '#' are skipped. Errors name the line, never its key.
    /// </summary>
    public static class PublishKeyFile
    {
        /// <summary>Adds the file's keys to <paramref name="policy"/>; false with <paramref name="error"/> (naming the line, never a key) when the file cannot be used.</summary>
        /// <param name="file">The key file.</param>
        /// <param name="policy">The policy that gets the keys and the paths they name.</param>
        /// <param name="error">Why the file was refused.</param>
        public static bool TryLoad(string file, AccessPolicy policy, out string? error)
        {
            error = null;
            string[] lines;
            try
            {
                lines = File.ReadAllLines(file);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                error = $"Cannot read the key file {file}: {e.Message}";
                return false;
            }

            var paths = new Dictionary<string, AccessPath>(StringComparer.Ordinal);
            var count = 0;
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length > 2)
                {
                    error = $"{file} line {i + 1}: expected KEY or PATH KEY (keys cannot hold spaces).";
                    return false;
                }

                count++;
                if (parts.Length == 1 || parts[0] == "*")
                {
                    policy.PublishKeys.Add(parts[parts.Length - 1]);
                    continue;
                }

                var name = parts[0].Trim('/');
                if (!paths.TryGetValue(name, out var path))
                {
                    path = new AccessPath(name);
                    paths[name] = path;
                    policy.Paths.Add(path);
                }

                path.PublishKeys.Add(parts[1]);
            }

            if (count == 0)
            {
                error = $"{file} holds no keys.";
                return false;
            }

            return true;
        }
    }
}
