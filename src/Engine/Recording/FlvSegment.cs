using System.IO;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Recording
{
    /// <summary>A recording segment in FLV: the publish's metadata and sequence headers, then its tags, rebased to 0.</summary>
    internal sealed class FlvSegment : IRecordingSegment
    {
        private readonly FileStream _file;
        private readonly FlvMessageWriter _writer;

        public FlvSegment(FileStream file, MediaFrame? metadata, MediaFrame? video, MediaFrame? audio, uint timestamp)
        {
            _file = file;
            _writer = new FlvMessageWriter(file);
            foreach (var config in new[] { metadata, video, audio })
            {
                if (config != null)
                {
                    _writer.Write(config.At(timestamp).Message);
                }
            }
        }

        public long VideoFrames => _writer.VideoFrames;

        public long AudioFrames => _writer.AudioFrames;

        public void Write(MediaFrame frame, long milliseconds) => _writer.Write(frame.Message);

        public void Complete() => _writer.Complete();

        public void Dispose()
        {
            _writer.Dispose();
            _file.Dispose();
        }
    }
}
