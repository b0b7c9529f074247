using System;
using System.IO;
using RtmpXProtect.Engine.Amf;
using RtmpXProtect.Engine.Media.Flv;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Commands;
using RtmpXProtect.Engine.Rtmp.Messages;

namespace RtmpXProtect.Engine.Recording
{
    /// <summary>
    /// Turns RTMP media messages into an FLV file: onMetaData first (the publisher's, or a
    /// minimal one), timestamps rebased so the file starts at 0, and, on a seekable stream, header
    /// flags that say what the file really holds.
    /// </summary>
    public sealed class FlvMessageWriter : IDisposable
    {
        private readonly Stream _output;
        private readonly FlvWriter _writer;
        private uint? _origin;
        private bool _wroteMetadata;
        private bool _hasAudio;
        private bool _hasVideo;
        private bool _completed;

        /// <summary>Starts an FLV file on <paramref name="output"/>, which stays open.</summary>
        public FlvMessageWriter(Stream output)
        {
            _output = output;
            _writer = new FlvWriter(output, hasAudio: true, hasVideo: true, leaveOpen: true);
        }

        /// <summary>Video tags written.</summary>
        public long VideoFrames { get; private set; }

        /// <summary>Audio tags written.</summary>
        public long AudioFrames { get; private set; }

        /// <summary>Writes one audio, video or data message.</summary>
        public void Write(RtmpMessage message)
        {
            var isMetadata = DataMessage.IsMetadata(message);
            if (!_wroteMetadata)
            {
                _writer.WriteTag(FlvTagType.Script, 0, isMetadata ? message.Payload.Span : Amf0Writer.Serialize(CommandNames.OnMetaData, new AmfEcmaArray { { "duration", 0.0 }, { "encoder", "rtmpx" } }));
                _wroteMetadata = true;
                if (isMetadata)
                {
                    return;
                }
            }
            else if (isMetadata)
            {
                // A file has one onMetaData; later updates are live-only.
                return;
            }

            _origin ??= message.Timestamp;
            var timestamp = RtmpTime.IsAfter(_origin.Value, message.Timestamp) ? 0 : unchecked(message.Timestamp - _origin.Value);
            switch (message.Type)
            {
                case MessageType.Video:
                    _hasVideo = true;
                    VideoFrames++;
                    _writer.WriteTag(FlvTagType.Video, timestamp, message.Payload.Span);
                    break;
                case MessageType.Audio:
                    _hasAudio = true;
                    AudioFrames++;
                    _writer.WriteTag(FlvTagType.Audio, timestamp, message.Payload.Span);
                    break;
                case MessageType.DataAmf0:
                    _writer.WriteTag(FlvTagType.Script, timestamp, message.Payload.Span);
                    break;
            }
        }

        /// <summary>Flushes, and on a seekable stream rewrites the header flags for what was written.</summary>
        public void Complete()
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            _writer.Flush();
            if (_output.CanSeek)
            {
                var end = _output.Position;
                _output.Position = 4;
                _output.WriteByte((byte)((_hasAudio ? 0x04 : 0) | (_hasVideo ? 0x01 : 0)));
                _output.Position = end;
            }

            _output.Flush();
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Complete();
            _writer.Dispose();
        }
    }
}
