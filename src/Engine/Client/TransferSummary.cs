using RtmpXProtect.Engine.Rtmp.Messages;

namespace RtmpXProtect.Engine.Client
{
    /// <summary>What a publish or play moved.</summary>
    public sealed class TransferSummary
    {
        /// <summary>Video messages.</summary>
        public long VideoFrames { get; private set; }

        /// <summary>Audio messages.</summary>
        public long AudioFrames { get; private set; }

        /// <summary>Data messages (metadata).</summary>
        public long DataMessages { get; private set; }

        /// <summary>Payload bytes of all of them.</summary>
        public long Bytes { get; private set; }

        /// <summary>Counts one message.</summary>
        public void Count(RtmpMessage message)
        {
            Bytes += message.Payload.Length;
            switch (message.Type)
            {
                case MessageType.Video:
                    VideoFrames++;
                    break;
                case MessageType.Audio:
                    AudioFrames++;
                    break;
                default:
                    DataMessages++;
                    break;
            }
        }

        /// <inheritdoc />
        public override string ToString() => $"{VideoFrames} video frames, {AudioFrames} audio frames, {DataMessages} data messages, {Bytes} bytes";
    }
}
