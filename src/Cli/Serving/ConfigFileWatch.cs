using System;
using System.IO;
using System.Threading;

namespace RtmpXProtect.Cli.Serving
{
    /// <summary>
    /// Calls back once a configuration file has settled after a change. The folder is watched, not
    /// the file: editors that save by writing a new file and renaming it over the old one replace the
    /// file a watch on it would follow. Bursts (truncate, write, rename) within the quiet time give one
    /// call.
    /// </summary>
    internal sealed class ConfigFileWatch : IDisposable
    {
        private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
        private readonly FileSystemWatcher _watcher;
        private readonly Timer _settle;
        private readonly string _name;

        public ConfigFileWatch(FileInfo file, Action changed)
        {
            _name = file.Name;
            _settle = new Timer(_ => changed(), null, Timeout.Infinite, Timeout.Infinite);
            _watcher = new FileSystemWatcher(file.DirectoryName!)
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            _watcher.Changed += OnEvent;
            _watcher.Created += OnEvent;
            _watcher.Renamed += OnEvent;
            _watcher.EnableRaisingEvents = true;
        }

        public void Dispose()
        {
            _watcher.Dispose();
            _settle.Dispose();
        }

        private void OnEvent(object sender, FileSystemEventArgs e)
        {
            if (string.Equals(e.Name, _name, StringComparison.Ordinal))
            {
                // Each event pushes the call back: it comes 300 ms after the last one.
                _settle.Change(Quiet, Timeout.InfiniteTimeSpan);
            }
        }
    }
}
