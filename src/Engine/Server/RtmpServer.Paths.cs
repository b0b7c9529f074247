using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Streaming.Paths;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// Paths fed by sources (RtmpServerOptions.PathSources): always-on ones run from the start,
    /// on-demand ones from their first reader (an RTMP play, an RTSP DESCRIBE) until they have
    /// been without readers a while; a reload starts, stops or restarts only the paths it changed.
    /// </summary>
    public sealed partial class RtmpServer
    {
        private readonly Dictionary<string, PathSource> _pathSources = new Dictionary<string, PathSource>(StringComparer.Ordinal);

        /// <summary>
        /// Starts the on-demand source of <paramref name="path"/>, if it has one, and waits up to
        /// <paramref name="timeout"/> for it to publish. False when the path has no source or it did not publish in time.
        /// </summary>
        internal async Task<bool> DemandAsync(string path, TimeSpan timeout)
        {
            PathSource? source;
            lock (_pathSources)
            {
                _pathSources.TryGetValue(path, out source);
            }

            if (source == null)
            {
                return false;
            }

            var published = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnPublished(LiveStream stream)
            {
                if (stream.Key == path)
                {
                    published.TrySetResult(true);
                }
            }

            Hub.PublishStarted += OnPublished;
            try
            {
                if (Hub.Find(path)?.IsPublished == true)
                {
                    return true;
                }

                source.Start();
                return await Task.WhenAny(published.Task, Task.Delay(timeout)).ConfigureAwait(false) == published.Task;
            }
            finally
            {
                Hub.PublishStarted -= OnPublished;
            }
        }

        private void StartPathSources()
        {
            Hub.Subscribed += stream =>
            {
                if (!stream.IsPublished)
                {
                    _ = DemandAsync(stream.Key, TimeSpan.Zero);
                }
            };
            ApplyPathSources(Options.PathSources);
        }

        // Removed and changed paths stop (a changed one starts again with its new options); the others run on untouched.
        private Task ApplyPathSources(IEnumerable<PathSourceOptions> wanted)
        {
            var stopping = new List<Task>();
            lock (_pathSources)
            {
                var next = wanted.ToDictionary(o => o.Path, StringComparer.Ordinal);
                foreach (var current in _pathSources.Values.ToList())
                {
                    if (!next.TryGetValue(current.Options.Path, out var options) || !options.Equals(current.Options))
                    {
                        stopping.Add(current.StopAsync());
                        _pathSources.Remove(current.Options.Path);
                    }
                }

                foreach (var options in next.Values)
                {
                    if (!_pathSources.ContainsKey(options.Path))
                    {
                        var source = new PathSource(this, options, Log);
                        _pathSources[options.Path] = source;
                        if (!options.OnDemand)
                        {
                            source.Start();
                        }
                    }
                }
            }

            return Task.WhenAll(stopping);
        }

        private Task StopPathSourcesAsync()
        {
            List<PathSource> all;
            lock (_pathSources)
            {
                all = _pathSources.Values.ToList();
                _pathSources.Clear();
            }

            return Task.WhenAll(all.Select(StopQuietlyAsync));
        }

        // A source's loop that failed is logged where it failed; stopping the server must not fail with it.
        private static async Task StopQuietlyAsync(PathSource source)
        {
            try
            {
                await source.StopAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
            }
        }
    }
}
