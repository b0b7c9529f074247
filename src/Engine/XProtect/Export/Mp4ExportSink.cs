using System;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Avc;
using RtmpXProtect.Engine.Media.GenericByteData;
using RtmpXProtect.Engine.Media.Hevc;
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
        private ushort? _codec;
        private long _lastDts = long.MinValue;
        private long _interval = 40;

        public Mp4ExportSink(ExportRequest request)
        {
            _request = request;
        }

        public long Frames => _writer?.Samples ?? 0;

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
            var frame = picture.Item;
            if (_codec != null && _codec != frame.Header.Codec)
            {
                throw new XProtectException($"Camera {_request.Camera} changed codec at {DateTimeOffset.FromUnixTimeMilliseconds(frame.Header.PictureTimestamp):u}; an MP4 track holds one codec, so the export ends there.");
            }

            _codec = frame.Header.Codec;
            long dts = picture.DecodeTime - shift, pts = picture.PresentationTime - shift;
            if (dts <= _lastDts)
            {
                return;
            }

            if (_lastDts != long.MinValue)
            {
                _interval = Math.Max(1, Math.Min(dts - _lastDts, 1000));
            }

            if (frame.Header.Codec == GenericByteDataCodec.Jpeg)
            {
                _writer ??= Open(Mp4Codec.Jpeg, JpegSize.Read(frame.Payload) ?? throw new XProtectException($"Camera {_request.Camera}: a JPEG picture has no frame header."), Array.Empty<byte>());
                _writer.Write(frame.Payload, dts, pts, sync: true);
                _lastDts = dts;
                return;
            }

            var codec = frame.Header.Codec == GenericByteDataCodec.H264 ? VideoCodec.Avc
                : frame.Header.Codec == GenericByteDataCodec.H265 ? VideoCodec.Hevc
                : throw new XProtectException($"Camera {_request.Camera} records codec 0x{frame.Header.Codec:X4}; H.264, H.265 and JPEG can be exported.");
            _converter ??= new AnnexBToFlv(codec);
            foreach (var body in _converter.Convert(frame.Payload, dts, pts, frame.Header.IsSyncFrame))
            {
                var header = VideoTagHeader.Parse(body);
                var data = new ReadOnlySpan<byte>(body, header.DataOffset, body.Length - header.DataOffset);
                if (header.IsSequenceHeader)
                {
                    // Later parameter set changes stay in the first sample entry: one avcC per track here.
                    _writer ??= Open(codec == VideoCodec.Avc ? Mp4Codec.Avc : Mp4Codec.Hevc, Size(codec, data), data.ToArray());
                }
                else if (_writer != null)
                {
                    _writer.Write(data, dts, pts, header.IsKeyFrame);
                    _lastDts = dts;
                }
            }
        }

        public void Complete() => _writer?.Complete(_interval);

        public void Dispose() => _writer?.Dispose();

        private IMp4VideoWriter Open(Mp4Codec codec, (int Width, int Height) size, byte[] configuration)
        {
            var track = new Mp4VideoTrack(codec, size.Width, size.Height, configuration);
            return _request.Fragmented
                ? new FragmentedMp4Writer(_request.OutputPath, track, _request.From)
                : new Mp4FileWriter(_request.OutputPath, track, _request.From);
        }

        private static (int, int) Size(VideoCodec codec, ReadOnlySpan<byte> configuration)
        {
            if (codec == VideoCodec.Avc)
            {
                var record = AvcDecoderConfigurationRecord.Parse(configuration, WireLimits.Default);
                var sps = AvcSps.Parse(record.Sps[0]);
                return (sps.Width, sps.Height);
            }

            var hevc = HevcDecoderConfigurationRecord.Parse(configuration, WireLimits.Default);
            return (hevc.Sps!.Width, hevc.Sps.Height);
        }
    }
}
