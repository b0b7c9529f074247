using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;

namespace RtmpXProtect.Engine.Hosting
{
    /// <summary>
    /// Calls back once watched files have settled after a change: the configuration file and the
    /// certificate files it names. Folders are watched, not files: editors that save by writing a new
    /// file and renaming it over the old one replace the file a watch on it would follow, and a
    /// certificate not provisioned yet has no file to watch. Bursts (truncate, write, rename) within the
    /// quiet time give one call.
    /// </summary>
    internal sealed class WatchedFiles : IDisposable
    {
        private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
        private readonly List<FileSystemWatcher> _watchers = new List<FileSystemWatcher>();
        private readonly HashSet<string> _paths;
        private readonly Timer _settle;
        private readonly object _gate = new object();
        private bool _disposed;

        /// <param name="files">The files to watch; one in a folder that does not exist is not watched.</param>
        /// <param name="changed">Called on a timer thread, 300 ms after the last change.</param>
        public WatchedFiles(IEnumerable<FileInfo> files, Action changed)
        {
            _paths = new HashSet<string>(files.Select(f => f.FullName), PathComparer);
            _settle = new Timer(_ => changed(), null, Timeout.Infinite, Timeout.Infinite);
            foreach (var directory in _paths.Select(Path.GetDirectoryName).Distinct(PathComparer))
            {
                if (directory == null || !Directory.Exists(directory))
                {
                    continue;
                }

                var watcher = new FileSystemWatcher(directory)
                {
                    NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
                };
                watcher.Changed += OnEvent;
                watcher.Created += OnEvent;
                watcher.Deleted += OnEvent;
                watcher.Renamed += OnEvent;

                // Too many changes at once overflow the watcher's buffer: a reload then reads what is there.
                watcher.Error += (_, _) => Settle();
                watcher.EnableRaisingEvents = true;
                _watchers.Add(watcher);
            }
        }

        /// <summary>The paths watched, to tell whether a new configuration needs a new watch.</summary>
        public ISet<string> Paths => _paths;

        private static StringComparer PathComparer => Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        public void Dispose()
        {
            foreach (var watcher in _watchers)
            {
                watcher.Dispose();
            }

            // Under the gate: an event handler already running must not touch the timer once it is gone.
            lock (_gate)
            {
                _disposed = true;
                _settle.Dispose();
            }
        }

        private void OnEvent(object sender, FileSystemEventArgs e)
        {
            if (_paths.Contains(e.FullPath) || (e is RenamedEventArgs renamed && _paths.Contains(renamed.OldFullPath)))
            {
                Settle();
            }
        }

        // Each event pushes the call back: it comes 300 ms after the last one.
        private void Settle()
        {
            lock (_gate)
            {
                if (!_disposed)
                {
                    _settle.Change(Quiet, Timeout.InfiniteTimeSpan);
                }
            }
        }
    }
}
