using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.GenericByteData;
using RtmpXProtect.Engine.Rtmp.Messages;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Streaming.Sources
{
    /// <summary>
    /// GenericByteData frames (the Recording Server's raw format) from any stream — a file of
    /// back-to-back frames or a live connection — as RTMP video: H.264 as AVC, H.265 as Enhanced
    /// RTMP hvc1, sequence headers whenever the parameter sets change. Timestamps start at 0 at
    /// the first frame; decode times are derived (see <see cref="DecodeTimeEstimator{T}"/>), so
    /// output lags the input by a few frames.
    /// </summary>
    public sealed class GenericByteDataSource : IFrameSource
    {
        private readonly Func<Stream> _open;
        private readonly string _description;
        private readonly IPlaybackClock? _clock;
        private readonly WireLimits _limits;

        /// <summary>
        /// Reads the stream <paramref name="open"/> returns (disposed at the end of each read).
        /// <paramref name="description"/> is shown as is, so must name no secret. With a
        /// <paramref name="pacingClock"/> frames are held until their time (for files); without
        /// one they go as fast as they arrive (for live connections, which pace themselves).
        /// </summary>
        public GenericByteDataSource(Func<Stream> open, string description, IPlaybackClock? pacingClock = null, WireLimits? limits = null)
        {
            _open = open ?? throw new ArgumentNullException(nameof(open));
            _description = description ?? throw new ArgumentNullException(nameof(description));
            _clock = pacingClock;
            _limits = limits ?? WireLimits.Default;
        }

        /// <inheritdoc />
        public string Description => _description;

        /// <summary>Frames whose sequence number did not follow the previous one, over the current read.</summary>
        public long SequenceGaps { get; private set; }

        /// <inheritdoc />
        public async IAsyncEnumerable<MediaFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using var stream = Open();
            var reader = new GenericByteDataReader(stream, _limits);
            var timeline = _clock == null ? null : new PacedTimeline(_clock);
            var estimator = new DecodeTimeEstimator<GenericByteDataFrame>();
            AnnexBToFlv? converter = null;
            long? origin = null;
            ushort? lastSequence = null;
            SequenceGaps = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var frame = Read(reader);
                var ready = frame == null ? estimator.Flush() : Push(estimator, frame, ref origin, ref lastSequence);
                foreach (var (dts, pts, item) in ready)
                {
                    converter = ConverterFor(item.Header.Codec, converter, _description);
                    var bodies = Convert(converter, item, dts, pts);
                    if (timeline != null && bodies.Count > 0)
                    {
                        await timeline.WaitForAsync(dts, cancellationToken).ConfigureAwait(false);
                    }

                    foreach (var body in bodies)
                    {
                        yield return MediaFrame.From(new RtmpMessage(MessageType.Video, (uint)dts, 0, body));
                    }
                }

                if (frame == null)
                {
                    yield break;
                }
            }
        }

        /// <inheritdoc />
        public ValueTask DisposeAsync() => default;

        private List<(long Dts, long Pts, GenericByteDataFrame Item)> Push(DecodeTimeEstimator<GenericByteDataFrame> estimator, GenericByteDataFrame frame, ref long? origin, ref ushort? lastSequence)
        {
            if (lastSequence is ushort last && frame.Header.SequenceNumber != (ushort)(last + 1))
            {
                SequenceGaps++;
            }

            lastSequence = frame.Header.SequenceNumber;
            origin ??= frame.Header.PictureTimestamp;
            return estimator.Push(frame.Header.PictureTimestamp - origin.Value, frame);
        }

        /// <summary>The converter for <paramref name="codec"/>: <paramref name="current"/> while the codec stays, a new one when the camera switches.</summary>
        internal static AnnexBToFlv ConverterFor(ushort codec, AnnexBToFlv? current, string description)
        {
            var wanted = GenericByteDataCodec.ToVideoCodec(codec);
            if (wanted == VideoCodec.Unknown)
            {
                throw new FrameSourceException($"{description}: codec 0x{codec:X4} cannot be sent over RTMP (H.264 0x000A and H.265 0x000E can).");
            }

            // A camera switched codec: the new one starts with its own sequence header.
            return current != null && current.Codec == wanted ? current : new AnnexBToFlv(wanted);
        }

        private IReadOnlyList<byte[]> Convert(AnnexBToFlv converter, GenericByteDataFrame frame, long dts, long pts)
        {
            try
            {
                return converter.Convert(frame.Payload.Span, dts, pts, frame.Header.IsSyncFrame);
            }
            catch (MediaFormatException e)
            {
                throw new FrameSourceException($"{_description}: frame {frame.Header.SequenceNumber} is not valid video: {e.Message}", e);
            }
        }

        private Stream Open()
        {
            try
            {
                return _open();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                throw new FrameSourceException($"Cannot open {_description}: {e.Message}", e);
            }
        }

        private GenericByteDataFrame? Read(GenericByteDataReader reader)
        {
            try
            {
                return reader.ReadFrame();
            }
            catch (Exception e) when (e is MediaFormatException || e is IOException)
            {
                throw new FrameSourceException($"{_description} cannot be read: {e.Message}", e);
            }
        }
    }
}
