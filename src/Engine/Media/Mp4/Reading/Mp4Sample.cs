namespace RtmpXProtect.Engine.Media.Mp4.Reading
{
    /// <summary>Where one sample lies in the file and when it is decoded and shown, in its track's ticks.</summary>
    internal readonly struct Mp4Sample
    {
        public Mp4Sample(long offset, int size, long decodeTime, int compositionOffset, bool isSync)
        {
            Offset = offset;
            Size = size;
            DecodeTime = decodeTime;
            CompositionOffset = compositionOffset;
            IsSync = isSync;
        }

        public long Offset { get; }

        public int Size { get; }

        public long DecodeTime { get; }

        /// <summary>Presentation minus decode time; negative in files written with version 1 ctts/trun.</summary>
        public int CompositionOffset { get; }

        public bool IsSync { get; }
    }
}
