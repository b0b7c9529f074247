using System;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.GenericByteData;
using RtmpXProtect.Engine.Media.Mp4;
using RtmpXProtect.Engine.XProtect.Connection;
using RtmpXProtect.Engine.XProtect.Timing;

namespace RtmpXProtect.Engine.XProtect.Export
{
    /// <summary>
    /// Timed recorder pictures into an MP4 file: H.264 / H.265 made length-prefixed by the same
    /// converter the live source uses (parameter sets into avcC / hvcC), JPEG as Motion JPEG. The
    /// file is opened at the first picture that can start it (a key frame with parameter sets).
    /// </summary>
    internal sealed class Mp4ExportSink : IDisposable
    {
        private readonly ExportRequest _request;
        private IMp4VideoWriter? _writer;
        private AnnexBToFlv? _converter;
        private byte[] _body = Array.Empty<byte>();
        private ushort? _codec;
        private long _lastDts = long.MinValue;
        private long _interval = 40;

        public Mp4ExportSink(ExportRequest request)
        {
            _request = request;
        }

        public long Frames => _writer?.Samples ?? 0;

        /// <summary>Why the file ends before the range does (the camera changed codec), or null.</summary>
        public string? EndedEarly { get; private set; }

        public long Bytes => _writer?.Bytes ?? 0;

        public string Codec => _codec switch
        {
            GenericByteDataCodec.H264 => "h264",
            GenericByteDataCodec.H265 => "hevc",
            GenericByteDataCodec.Jpeg => "mjpeg",
            _ => "none",
        };

        /// <summary>Writes one picture at its times shifted by <paramref name="shift"/> ms (closed gaps).</summary>
        public void Write(TimedPicture<GenericByteDataFrame> picture, long shift)
        {
            try
            {
                WritePicture(picture, shift);
            }
            catch (ArgumentException e)
            {
                // What MP4 cannot hold (a gap over 13 h): said as the export's failure.
                throw new XProtectException($"Camera {_request.Camera}: {e.Message.Split(new[] { " (Parameter" }, StringSplitOptions.None)[0]}", e);
            }
        }

        private void WritePicture(TimedPicture<GenericByteDataFrame> picture, long shift)
        {
            var frame = picture.Item;
            if (EndedEarly != null)
            {
                return;
            }

            if (_codec != null && _codec != frame.Header.Codec)
            {
                // An MP4 track holds one codec: the file ends where the camera changed, complete.
                EndedEarly = $"camera {_request.Camera} changed codec at {DateTimeOffset.FromUnixTimeMilliseconds(frame.Header.PictureTimestamp):u}";
                return;
            }

            _codec = frame.Header.Codec;

            // A timeline restarted after a gap may begin a step before where the last one ended.
            long dts = Math.Max(picture.DecodeTime - shift, _lastDts == long.MinValue ? long.MinValue : _lastDts + 1);
            long pts = Math.Max(picture.PresentationTime - shift, dts);

            if (_lastDts != long.MinValue)
            {
                _interval = Math.Max(1, Math.Min(dts - _lastDts, 1000));
            }

            if (frame.Header.Codec == GenericByteDataCodec.Jpeg)
            {
                if (_writer == null)
                {
                    var size = JpegSize.Read(frame.Payload.Span) ?? throw new XProtectException($"Camera {_request.Camera}: a JPEG picture has no frame header.");
                    _writer = Open(new Mp4VideoTrack(Mp4Codec.Jpeg, size.Width, size.Height, Array.Empty<byte>()));
                }

                _writer.Write(frame.Payload.Span, dts, pts, sync: true);
                _lastDts = dts;
                return;
            }

            var codec = GenericByteDataCodec.ToVideoCodec(frame.Header.Codec);
            if (codec == VideoCodec.Unknown)
            {
                throw new XProtectException($"Camera {_request.Camera} records codec 0x{frame.Header.Codec:X4}; H.264, H.265 and JPEG can be exported.");
            }

            _converter ??= new AnnexBToFlv(codec);
            int length;
            byte[]? sequenceHeader;
            try
            {
                length = _converter.Convert(frame.Payload.Span, dts, pts, frame.Header.IsSyncFrame, ref _body, out sequenceHeader);
            }
            catch (MediaFormatException e)
            {
                throw new XProtectException($"Camera {_request.Camera}: the picture at {DateTimeOffset.FromUnixTimeMilliseconds(frame.Header.PictureTimestamp):u} is not valid video: {e.Message}", e);
            }

            if (sequenceHeader != null)
            {
                // Later parameter set changes stay in the first sample entry: one avcC per track here.
                var configuration = sequenceHeader.AsSpan(VideoTagHeader.Parse(sequenceHeader).DataOffset);
                _writer ??= Open(Track(codec == VideoCodec.Avc ? Mp4Codec.Avc : Mp4Codec.Hevc, configuration));
            }

            if (length > 0 && _writer != null)
            {
                var header = VideoTagHeader.Parse(_body.AsSpan(0, length));
                _writer.Write(_body.AsSpan(header.DataOffset, length - header.DataOffset), dts, pts, header.IsKeyFrame);
                _lastDts = dts;
            }
        }

        public void Complete() => _writer?.Complete(_interval);

        public void Dispose() => _writer?.Dispose();

        private IMp4VideoWriter Open(Mp4VideoTrack track)
        {
            return _request.Fragmented
                ? new FragmentedMp4Writer(_request.OutputPath, track, _request.From)
                : new Mp4FileWriter(_request.OutputPath, track, _request.From);
        }

        private Mp4VideoTrack Track(Mp4Codec codec, ReadOnlySpan<byte> configuration)
        {
            try
            {
                return Mp4VideoTrack.FromConfiguration(codec, configuration);
            }
            catch (MediaFormatException e)
            {
                throw new XProtectException($"Camera {_request.Camera}: its parameter sets cannot be read: {e.Message}", e);
            }
        }
    }
}
