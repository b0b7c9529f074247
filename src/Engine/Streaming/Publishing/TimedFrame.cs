using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Streaming.Publishing
{
    /// <summary>
    /// A frame on the stream's continuous timeline (ms, 64-bit: no 32-bit wrap inside the
    /// streamer); each destination connection rebases it to 0 when it starts.
    /// </summary>
    internal readonly struct TimedFrame
    {
        public TimedFrame(MediaFrame frame, long time)
        {
            Frame = frame;
            Time = time;
        }

        public MediaFrame Frame { get; }

        public long Time { get; }
    }
}
