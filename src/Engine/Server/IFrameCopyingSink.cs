namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// A sink that takes what it needs of a frame while <see cref="IMediaSink.OnFrame"/> runs (a
    /// player takes the frame's chunks, retaining their pooled buffer) and keeps no reference to the
    /// frame or its payload after it returns. A stream whose sinks are all of this kind lets the
    /// publisher's connection reuse the payload at once.
    /// </summary>
    internal interface IFrameCopyingSink : IMediaSink
    {
    }
}
