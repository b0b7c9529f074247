namespace RtmpXProtect.Engine.Rtmp.Handshake
{
    /// <summary>
    /// Where a handshake stands after a call to <c>Process</c>: the caller keeps feeding bytes
    /// until it is <see cref="Completed"/>, then hands what follows to the chunk decoder.
    /// </summary>
    public enum HandshakeStatus
    {
        /// <summary>More bytes from the peer are needed; every byte given so far was consumed.</summary>
        InProgress,

        /// <summary>The handshake is over; bytes after the reported <c>consumed</c> count are chunk data.</summary>
        Completed,
    }
}
