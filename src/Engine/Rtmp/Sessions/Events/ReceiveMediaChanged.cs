namespace RtmpXProtect.Engine.Rtmp.Sessions.Events
{
    /// <summary>A player turned audio or video on or off (receiveAudio, receiveVideo).</summary>
    public sealed class ReceiveMediaChanged : SessionEvent
    {
        /// <summary>Creates the event.</summary>
        public ReceiveMediaChanged(uint streamId, bool video, bool enabled)
        {
            StreamId = streamId;
            Video = video;
            Enabled = enabled;
        }

        /// <summary>The message stream.</summary>
        public uint StreamId { get; }

        /// <summary>True for video, false for audio.</summary>
        public bool Video { get; }

        /// <summary>Whether it is wanted now.</summary>
        public bool Enabled { get; }
    }
}
