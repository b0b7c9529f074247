using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Channels;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using Serilog;

namespace RtmpXProtect.Engine.Recording
{
    /// <summary>
    /// Writes one publish session to an FLV file: header flags for what was recorded,
    /// onMetaData first, timestamps rebased to 0. Frames are queued and written by a task of
    /// its own so a slow disk never stalls the publisher.
    /// </summary>
    public sealed class FlvRecorder : IMediaSink
    {
        private readonly Channel<MediaFrame> _frames = Channel.CreateUnbounded<MediaFrame>(new UnboundedChannelOptions { SingleReader = true });
        private readonly FileStream _file;
        private readonly ILogger _log;

        private FlvRecorder(string path, FileStream file, ILogger log)
        {
            Path = path;
            _file = file;
            _log = log;
            Completion = Task.Run(WriteAsync);
        }

        /// <summary>The file being written.</summary>
        public string Path { get; }

        /// <summary>Completes when the file is finalised and closed.</summary>
        public Task Completion { get; }

        /// <summary>Video tags written, once <see cref="Completion"/> is done.</summary>
        public long VideoFrames { get; private set; }

        /// <summary>Audio tags written, once <see cref="Completion"/> is done.</summary>
        public long AudioFrames { get; private set; }

        /// <summary>Called once when the publish ends, to leave the stream it records.</summary>
        internal Action? Detach { get; set; }

        /// <summary>
        /// Creates the file "app_stream-yyyyMMdd-HHmmss.flv" (a counter is added if it exists)
        /// in <paramref name="directory"/>.
        /// </summary>
        public static FlvRecorder Create(string directory, string streamKey, DateTime startUtc, ILogger log)
        {
            Directory.CreateDirectory(directory);
            var stem = SafeName(streamKey) + "-" + startUtc.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
            for (var attempt = 0; ; attempt++)
            {
                var path = System.IO.Path.Combine(directory, attempt == 0 ? stem + ".flv" : $"{stem}-{attempt}.flv");
                try
                {
                    var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 64 * 1024, useAsync: false);
                    return new FlvRecorder(path, file, log);
                }
                catch (IOException) when (File.Exists(path) && attempt < 1000)
                {
                    // Two publishes of one stream in one second: take the next name.
                }
            }
        }

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

        private static string SafeName(string key)
        {
            var chars = key.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (!(char.IsLetterOrDigit(chars[i]) || chars[i] == '-' || chars[i] == '.'))
                {
                    chars[i] = '_';
                }
            }

            return new string(chars);
        }

        private async Task WriteAsync()
        {
            try
            {
                using (var writer = new FlvMessageWriter(_file))
                {
                    while (await _frames.Reader.WaitToReadAsync().ConfigureAwait(false))
                    {
                        while (_frames.Reader.TryRead(out var frame))
                        {
                            writer.Write(frame.Message);
                        }
                    }

                    writer.Complete();
                    VideoFrames = writer.VideoFrames;
                    AudioFrames = writer.AudioFrames;
                }

                _log.Information("Recorded {Path}: {Video} video and {Audio} audio frames", Path, VideoFrames, AudioFrames);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                _log.Error("Recording {Path} failed: {Error}", Path, e.Message);
            }
            finally
            {
                _file.Dispose();
            }
        }
    }
}
