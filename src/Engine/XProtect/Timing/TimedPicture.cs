namespace RtmpXProtect.Engine.XProtect.Timing
{
    /// <summary>A picture with the decode and presentation times <see cref="PresentationTimeline{T}"/> gave it, in Unix milliseconds.</summary>
    public readonly struct TimedPicture<T>
    {
        /// <summary>Creates a value.</summary>
        public TimedPicture(T item, long decodeTime, long presentationTime)
        {
            Item = item;
            DecodeTime = decodeTime;
            PresentationTime = presentationTime;
        }

        /// <summary>The picture.</summary>
        public T Item { get; }

        /// <summary>When it is decoded: never after <see cref="PresentationTime"/>, never going back.</summary>
        public long DecodeTime { get; }

        /// <summary>When it is shown.</summary>
        public long PresentationTime { get; }
    }
}
