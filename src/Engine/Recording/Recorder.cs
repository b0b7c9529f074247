using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Channels;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Mp4;
using RtmpXProtect.Engine.Server;
using Serilog;

namespace RtmpXProtect.Engine.Recording
{
    /// <summary>
    /// Records one publish as segments: a file starts at a key frame (or, without video, at any
    /// audio frame) once the segment duration has passed or the sequence headers changed, and
    /// is named by the pattern from its path and wall-clock start. Frames are queued and written
    /// by a task of its own, so a slow disk never stalls the publisher.
    /// </summary>
    public sealed class Recorder : IMediaSink
    {
        private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(10);

        private readonly Channel<MediaFrame> _frames = Channel.CreateUnbounded<MediaFrame>(new UnboundedChannelOptions { SingleReader = true });
        private readonly RecordingOptions _options;
        private readonly string _directory;
        private readonly string _path;
        private readonly ILogger _log;
        private MillisecondClock _clock;
        private MediaFrame? _metadata;
        private MediaFrame? _video;
        private MediaFrame? _audio;
        private bool _headersChanged;
        private IRecordingSegment? _segment;
        private long _segmentStart;
        private long _retryAt = long.MinValue;
        private string? _unrecordable;
        private readonly List<string> _files = new List<string>();
        private volatile string? _currentFile;

        /// <summary>Starts the writing task of a recorder of <paramref name="path"/> into <paramref name="directory"/>.</summary>
        public Recorder(RecordingOptions options, string directory, string path, ILogger log)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _directory = directory ?? throw new ArgumentNullException(nameof(directory));
            _path = path ?? throw new ArgumentNullException(nameof(path));
            _log = log ?? throw new ArgumentNullException(nameof(log));
            Completion = Task.Run(WriteAsync);
        }

        /// <summary>The folder recordings go to.</summary>
        public string Directory => _directory;

        /// <summary>The file being written, or null between segments.</summary>
        public string? CurrentFile => _currentFile;

        /// <summary>Every file this recorder started, in order.</summary>
        public IReadOnlyList<string> Files
        {
            get
            {
                lock (_files)
                {
                    return _files.ToArray();
                }
            }
        }

        /// <summary>Completes when the last file is finalised and closed.</summary>
        public Task Completion { get; }

        /// <summary>Raised on the writing task after a segment's file is created, with its full name.</summary>
        public event Action<string>? SegmentStarted;

        /// <summary>Called once when the publish ends, to leave the stream it records.</summary>
        internal Action? Detach { get; set; }

        /// <inheritdoc />
        public void OnStart(IReadOnlyList<MediaFrame> cached, bool newPublisher)
        {
            foreach (var frame in cached)
            {
                _frames.Writer.TryWrite(frame);
            }
        }

        /// <inheritdoc />
        public void OnFrame(MediaFrame frame) => _frames.Writer.TryWrite(frame);

        /// <inheritdoc />
        public void OnStop()
        {
            _frames.Writer.TryComplete();
            Detach?.Invoke();
            Detach = null;
        }

        private async Task WriteAsync()
        {
            try
            {
                while (await _frames.Reader.WaitToReadAsync().ConfigureAwait(false))
                {
                    while (_frames.Reader.TryRead(out var frame))
                    {
                        Handle(frame);
                    }
                }
            }
            finally
            {
                Close();
            }
        }

        private void Handle(MediaFrame frame)
        {
            switch (frame.Kind)
            {
                case FrameKind.Metadata:
                    _metadata = frame;
                    return;
                case FrameKind.VideoConfig:
                    _headersChanged |= !Same(_video, frame);
                    _video = frame;
                    return;
                case FrameKind.AudioConfig:
                    _headersChanged |= !Same(_audio, frame);
                    _audio = frame;
                    return;
                case FrameKind.Data:
                    return;
            }

            var milliseconds = _clock.Unwrap(frame.Message.Timestamp);
            bool canStart = frame.Kind == FrameKind.VideoKeyFrame || (_video == null && frame.Kind == FrameKind.Audio);
            bool due = _segment == null || _headersChanged || milliseconds - _segmentStart >= (long)_options.SegmentDuration.TotalMilliseconds;
            if (canStart && due && milliseconds >= _retryAt)
            {
                Close();
                Open(frame, milliseconds);
            }

            if (_segment == null)
            {
                return;
            }

            try
            {
                _segment.Write(frame, milliseconds);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                _log.Error("Recording {Path} to {File} failed: {Error}; trying a new file in {Seconds} s", _path, _currentFile, e.Message, RetryAfterFailure.TotalSeconds);
                Close();
                _retryAt = milliseconds + (long)RetryAfterFailure.TotalMilliseconds;
            }
        }

        private void Open(MediaFrame first, long milliseconds)
        {
            _headersChanged = false;
            _segmentStart = milliseconds;
            List<Mp4Track>? tracks = null;
            int videoTrack = -1, audioTrack = -1;
            if (_options.Format == RecordingFormat.Fmp4)
            {
                tracks = Mp4Segment.Tracks(_video, _audio, out videoTrack, out audioTrack, out var why);
                if (tracks == null)
                {
                    if (_unrecordable == null)
                    {
                        _unrecordable = why ?? "it has no H.264, H.265 or AAC";
                        _log.Warning("Cannot record {Path} as MP4: {Reason}; set record.format to flv to record it", _path, _unrecordable);
                    }

                    return;
                }
            }

            var start = DateTime.UtcNow;
            FileStream file;
            try
            {
                file = CreateFile(start, out var name);
                _currentFile = name;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                _log.Error("Cannot record {Path} in {Directory}: {Error}", _path, _directory, e.Message);
                _retryAt = milliseconds + (long)RetryAfterFailure.TotalMilliseconds;
                return;
            }

            try
            {
                _segment = tracks == null
                    ? new FlvSegment(file, _metadata, _video, _audio, first.Message.Timestamp)
                    : Mp4Segment.Start(file, tracks, videoTrack, audioTrack, start);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                file.Dispose();
                _log.Error("Cannot record {Path} to {File}: {Error}", _path, _currentFile, e.Message);
                _currentFile = null;
                _retryAt = milliseconds + (long)RetryAfterFailure.TotalMilliseconds;
                return;
            }

            lock (_files)
            {
                _files.Add(_currentFile!);
            }

            try
            {
                SegmentStarted?.Invoke(_currentFile!);
            }
            catch (Exception e)
            {
                _log.Warning("After starting {File}: {Error}", _currentFile, e.Message);
            }
        }

        private void Close()
        {
            var segment = _segment;
            if (segment == null)
            {
                return;
            }

            _segment = null;
            var file = _currentFile;
            _currentFile = null;
            try
            {
                segment.Complete();
                _log.Information("Recorded {File}: {Video} video and {Audio} audio frames", file, segment.VideoFrames, segment.AudioFrames);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                _log.Error("Finishing {File} failed: {Error}", file, e.Message);
            }
            finally
            {
                segment.Dispose();
            }
        }

        // The name from the pattern; a counter is added when two segments of a path start in one microsecond or a file is in the way.
        private FileStream CreateFile(DateTime start, out string name)
        {
            var stem = Path.Combine(_directory, RecordingNames.Expand(_options.Pattern, _path, start).Replace('/', Path.DirectorySeparatorChar));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(stem)!);
            var extension = RecordingNames.Extension(_options.Format);
            for (var attempt = 0; ; attempt++)
            {
                name = attempt == 0 ? stem + extension : $"{stem}-{attempt}{extension}";
                try
                {
                    return new FileStream(name, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete, 1 << 16);
                }
                catch (IOException) when (File.Exists(name) && attempt < 1000)
                {
                }
            }
        }

        private static bool Same(MediaFrame? a, MediaFrame b) => a != null && a.Message.Payload.Span.SequenceEqual(b.Message.Payload.Span);
    }
}
