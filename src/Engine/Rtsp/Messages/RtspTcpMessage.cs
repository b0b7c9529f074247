namespace RtmpXProtect.Engine.Rtsp.Messages
{
    /// <summary>
    /// What one read of an RTSP connection yields: a <see cref="RtspRequest"/>, a
    /// <see cref="RtspResponse"/>, or, on TCP-interleaved transport, an <see cref="InterleavedFrame"/>.
    /// </summary>
    public abstract class RtspTcpMessage
    {
        private protected RtspTcpMessage()
        {
        }
    }
}
