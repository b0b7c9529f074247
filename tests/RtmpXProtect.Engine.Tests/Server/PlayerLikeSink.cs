using System.Collections.Generic;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Tests.Server
{
    /// <summary>What a player does with a live frame: takes its chunks (retaining their pooled buffer) and lets them go once "sent", keeping nothing.</summary>
    internal sealed class PlayerLikeSink : IFrameCopyingSink
    {
        public const int ChunkSize = 4096;

        public int Frames { get; private set; }

        public void Reset() => Frames = 0;

        public void OnStart(IReadOnlyList<MediaFrame> cached, bool newPublisher)
        {
        }

        public void OnFrame(MediaFrame frame)
        {
            frame.Framed(1, ChunkSize, out var owner);
            owner?.Release();
            Frames++;
        }

        public void OnStop()
        {
        }
    }
}
