using System;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Recording
{
    /// <summary>One file of a recording, from a key frame to the next cut.</summary>
    internal interface IRecordingSegment : IDisposable
    {
        /// <summary>Video frames written.</summary>
        long VideoFrames { get; }

        /// <summary>Audio frames written.</summary>
        long AudioFrames { get; }

        /// <summary>Writes a coded audio or video frame at <paramref name="milliseconds"/> on the publish's unwrapped clock.</summary>
        void Write(MediaFrame frame, long milliseconds);

        /// <summary>Writes what is pending and closes the file; it plays whole after this.</summary>
        void Complete();
    }
}
