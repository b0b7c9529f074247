using System.Collections.Generic;

namespace RtmpXProtect.Engine.Media.Mp4.Reading
{
    /// <summary>
    /// A track of an MP4 being read that RTMP can carry (H.264, H.265 or AAC): its decoder
    /// configuration, its timescale, the fragment defaults of its trex box and the samples not
    /// yet handed out.
    /// </summary>
    internal sealed class Mp4ReadTrack
    {
        public Mp4ReadTrack(uint id, uint timescale, Mp4SampleEntry entry)
        {
            Id = id;
            Timescale = timescale;
            Entry = entry;
        }

        public uint Id { get; }

        public uint Timescale { get; }

        public Mp4SampleEntry Entry { get; }

        /// <summary>Samples in decode order; a progressive file's all at once, a fragmented file's one fragment at a time.</summary>
        public Queue<Mp4Sample> Pending { get; } = new Queue<Mp4Sample>();

        public uint DefaultDuration { get; set; }

        public uint DefaultSize { get; set; }

        public uint DefaultFlags { get; set; }

        /// <summary>Where the next fragment starts when it has no tfdt box: the end of the previous one.</summary>
        public long NextFragmentTime { get; set; }
    }
}
