using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Flv;
using RtmpXProtect.Engine.Media.Mp4;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Streaming.Sources
{
    /// <summary>
    /// An FLV or MP4 file (by its extension: .mp4, .m4v, .mov are MP4) played in real time, like a
    /// camera, and looped: each pass continues the timestamps one frame after the previous pass
    /// ended, so a destination never sees time go back, and each pass starts with the file's
    /// sequence headers again.
    /// </summary>
    public sealed class MediaFileSource : IFrameSource
    {
        // When a pass has no two video frames to measure, the gap before the next pass is one 25 fps frame.
        private const long DefaultFrameInterval = 40;

        private readonly string _path;
        private readonly bool _loop;
        private readonly IPlaybackClock _clock;
        private readonly WireLimits _limits;
        private readonly bool _isMp4;

        /// <summary>Plays <paramref name="path"/>, paced by <paramref name="clock"/> (real time when null).</summary>
        public MediaFileSource(string path, bool loop = true, IPlaybackClock? clock = null, WireLimits? limits = null)
        {
            _path = path ?? throw new ArgumentNullException(nameof(path));
            _isMp4 = IsMp4(path);
            _loop = loop;
            _clock = clock ?? new SystemPlaybackClock();
            _limits = limits ?? WireLimits.Default;
        }

        /// <inheritdoc />
        public string Description => $"{(_isMp4 ? "MP4" : "FLV")} file {Path.GetFileName(_path)}{(_loop ? " (looped)" : string.Empty)}";

        /// <summary>Passes started so far: 1 during the first.</summary>
        public int Passes { get; private set; }

        /// <summary>Whether <paramref name="path"/> names a file this source reads as MP4 rather than FLV.</summary>
        public static bool IsMp4(string path) =>
            path.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".m4v", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".mov", StringComparison.OrdinalIgnoreCase);

        /// <summary>Whether <paramref name="path"/> names a file this source reads: FLV or MP4.</summary>
        public static bool IsMediaFile(string path) => IsMp4(path) || path.EndsWith(".flv", StringComparison.OrdinalIgnoreCase);

        /// <inheritdoc />
        public async IAsyncEnumerable<MediaFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var timeline = new PacedTimeline(_clock);
            long offset = 0;
            Passes = 0;
            do
            {
                Passes++;
                using var file = Open();
                var reader = CreateReader(file);
                long? first = null;
                long passEnd = 0;
                long? lastVideo = null;
                long interval = DefaultFrameInterval;
                int frames = 0;
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var tag = ReadTag(reader);
                    if (tag == null)
                    {
                        break;
                    }

                    var type = tag.Type switch
                    {
                        FlvTagType.Audio => MessageType.Audio,
                        FlvTagType.Video => MessageType.Video,
                        _ => MessageType.DataAmf0,
                    };
                    first ??= tag.Timestamp;
                    long relative = Math.Max(0, (long)tag.Timestamp - first.Value);
                    if (type == MessageType.Video)
                    {
                        if (lastVideo is long previous && relative > previous)
                        {
                            interval = relative - previous;
                        }

                        lastVideo = relative;
                    }

                    passEnd = Math.Max(passEnd, relative);
                    long timestamp = offset + relative;
                    await timeline.WaitForAsync(timestamp, cancellationToken).ConfigureAwait(false);
                    frames++;
                    yield return MediaFrame.From(new RtmpMessage(type, (uint)timestamp, 0, tag.Body));
                }

                if (frames == 0)
                {
                    throw new FrameSourceException($"{Description} holds no audio, video or data tags.");
                }

                offset += passEnd + interval;
            }
            while (_loop);
        }

        /// <inheritdoc />
        public ValueTask DisposeAsync() => default;

        private FileStream Open()
        {
            try
            {
                return new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                throw new FrameSourceException($"Cannot open {Description}: {e.Message}", e);
            }
        }

        // The tags of one pass, from whichever reader the file's format has.
        private Func<FlvTag?> CreateReader(Stream file)
        {
            try
            {
                if (_isMp4)
                {
                    return new Mp4TagReader(file, _limits).ReadTag;
                }

                return new FlvReader(file, _limits).ReadTag;
            }
            catch (MediaFormatException e)
            {
                throw new FrameSourceException($"{Description} is not a readable {(_isMp4 ? "MP4" : "FLV")} file: {e.Message}", e);
            }
        }

        private FlvTag? ReadTag(Func<FlvTag?> reader)
        {
            try
            {
                return reader();
            }
            catch (Exception e) when (e is MediaFormatException || e is IOException)
            {
                throw new FrameSourceException($"{Description} cannot be read: {e.Message}", e);
            }
        }
    }
}
