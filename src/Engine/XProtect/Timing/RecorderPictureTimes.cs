using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Media.Avc;
using RtmpXProtect.Engine.Media.GenericByteData;
using RtmpXProtect.Engine.Media.Hevc;
using RtmpXProtect.Engine.Media.Nal;

namespace RtmpXProtect.Engine.XProtect.Timing
{
    /// <summary>
    /// Decode and presentation times for GenericByteData pictures as a Recording Server sends them:
    /// picture order counts from the H.264 / H.265 bitstream, the frame duration from its SPS, the
    /// stamps as the clock (<see cref="PresentationTimeline{T}"/>). JPEG pictures keep their stamps.
    /// Shared by the live source and the export, so both time a recording alike.
    /// </summary>
    public sealed class RecorderPictureTimes
    {
        private readonly int _window;
        private PresentationTimeline<GenericByteDataFrame> _timeline;
        private IPictureOrderReader? _orders;
        private ushort _codec;
        private int _spreadBefore;

        /// <summary>Creates the timer; <paramref name="window"/> is the reorder depth covered (see <see cref="PresentationTimeline{T}"/>).</summary>
        public RecorderPictureTimes(int window = 3)
        {
            _window = window;
            _timeline = new PresentationTimeline<GenericByteDataFrame>(window);
        }

        /// <summary>GOPs whose stamps were bunched arrival times and were spread, so far.</summary>
        public int SpreadGops => _spreadBefore + _timeline.SpreadGops;

        /// <summary>The next picture in decode order; returns those whose times are now known.</summary>
        public List<TimedPicture<GenericByteDataFrame>> Push(GenericByteDataFrame frame)
        {
            if (frame == null)
            {
                throw new ArgumentNullException(nameof(frame));
            }

            var ready = new List<TimedPicture<GenericByteDataFrame>>();
            var header = frame.Header;
            if (header.Codec != _codec)
            {
                // A camera switched codec: what came before is timed on its own.
                ready.AddRange(Flush());
                _codec = header.Codec;
                _orders = OrderReaderFor(header.Codec);
            }

            PictureOrder order;
            if (_orders == null)
            {
                order = new PictureOrder(header.SequenceNumber, true, false);
            }
            else
            {
                // The picture order reader parses the in-band SPS anyway: its timing is the frame interval.
                order = _orders.Read(frame.Payload.Span);
                _timeline.FrameDuration = _orders.FrameDuration ?? _timeline.FrameDuration;
            }

            ready.AddRange(_timeline.Push(frame, header.PictureTimestamp, _orders == null || header.IsSyncFrame, order));
            return ready;
        }

        /// <summary>Times what is held back: at the end, or before a jump (a gap, a reconnect).</summary>
        public List<TimedPicture<GenericByteDataFrame>> Flush()
        {
            var ready = _timeline.Flush();
            var duration = _timeline.FrameDuration;
            _spreadBefore += _timeline.SpreadGops;
            _timeline = new PresentationTimeline<GenericByteDataFrame>(_window) { FrameDuration = duration };
            _orders = OrderReaderFor(_codec);
            return ready;
        }

        private static IPictureOrderReader? OrderReaderFor(ushort codec) =>
            codec == GenericByteDataCodec.H264 ? new AvcPictureOrder()
            : codec == GenericByteDataCodec.H265 ? new HevcPictureOrder()
            : (IPictureOrderReader?)null;
    }
}
