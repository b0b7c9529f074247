using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Recording;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>Recording of publishes, the catalog of recordings and their retention.</summary>
    public sealed partial class RtmpServer
    {
        private static readonly TimeSpan RetentionInterval = TimeSpan.FromMinutes(1);
        private readonly ConcurrentDictionary<Recorder, byte> _recorders = new ConcurrentDictionary<Recorder, byte>();
        private readonly RecordingMeasurements _measurements = new RecordingMeasurements();
        private TimeSpan _nextRetention;
        private int _retentionRunning;

        /// <summary>
        /// The recordings in the recording folder, oldest first (only <paramref name="path"/>'s
        /// when given), with the files being written marked; empty when nothing is recorded.
        /// </summary>
        public IReadOnlyList<RecordingInfo> GetRecordings(string? path = null)
        {
            var options = Options;
            return options.RecordDirectory == null
                ? new List<RecordingInfo>()
                : RecordingCatalog.List(options.RecordDirectory, options.Recording.Pattern, FilesInProgress(), path, measurements: _measurements);
        }

        // The path entry's record setting wins over the server's; "true" without a folder is refused
        // by the configuration, so a missing folder means nothing to record to.
        internal Recorder? StartRecording(LiveStream stream, RtmpXProtect.Engine.Server.Access.AccessRequest request)
        {
            var options = Options;
            var directory = options.RecordDirectory;
            var record = Access?.RecordSetting(request) ?? directory != null;
            if (!record || directory == null)
            {
                return null;
            }

            var recorder = new Recorder(options.Recording, directory, stream.Key, Log);
            if (options.Recording.HasRetention)
            {
                // A new segment is when a path grows past its limit and an old one may have aged out: act at once, not at the next sweep.
                recorder.SegmentStarted += _ => RecordingRetention.Apply(directory, options.Recording, FilesInProgress(), DateTimeOffset.UtcNow, Log, stream.Key);
            }

            _recorders[recorder] = 0;
            _ = recorder.Completion.ContinueWith(_ => _recorders.TryRemove(recorder, out byte _), TaskScheduler.Default);
            recorder.Detach = () => Hub.Unsubscribe(stream, recorder);
            Hub.Subscribe(stream.Key, recorder);
            return recorder;
        }

        private IEnumerable<Task> RecordingsInProgress()
        {
            foreach (var recorder in _recorders.Keys)
            {
                yield return recorder.Completion;
            }
        }

        private HashSet<string> FilesInProgress()
        {
            var files = new HashSet<string>(StringComparer.Ordinal);
            foreach (var recorder in _recorders.Keys)
            {
                if (recorder.CurrentFile is { } file)
                {
                    files.Add(System.IO.Path.GetFullPath(file));
                }
            }

            return files;
        }

        // From the sweep: once a minute, age and size limits on a task of their own, one at a time.
        private void SweepRecordings(TimeSpan now)
        {
            var options = Options;
            if (now < _nextRetention || options.RecordDirectory == null || !options.Recording.HasRetention || Interlocked.Exchange(ref _retentionRunning, 1) == 1)
            {
                return;
            }

            _nextRetention = now + RetentionInterval;
            _ = Task.Run(() =>
            {
                try
                {
                    RecordingRetention.Apply(options.RecordDirectory, options.Recording, FilesInProgress(), DateTimeOffset.UtcNow, Log);
                }
                catch (Exception e)
                {
                    Log.Error(e, "Applying the recording retention to {Directory} failed", options.RecordDirectory);
                }
                finally
                {
                    Volatile.Write(ref _retentionRunning, 0);
                }
            });
        }
    }
}
