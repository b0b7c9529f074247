namespace RtmpXProtect.Engine.Media.Mp4
{
    /// <summary>One track of an MP4 file: what its sample description and media header need.</summary>
    public abstract class Mp4Track
    {
        private protected Mp4Track()
        {
        }

        /// <summary>Ticks per second of the track's media clock.</summary>
        public abstract uint Timescale { get; }

        /// <summary>True for a sound track (handler "soun"), false for video ("vide").</summary>
        public abstract bool IsAudio { get; }
    }
}
