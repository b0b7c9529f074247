namespace RtmpXProtect.Engine.Server.Access
{
    /// <summary>What a client asks to do with a path; publishing and playing have separate rules.</summary>
    public enum AccessAction
    {
        /// <summary>Send a stream to the server.</summary>
        Publish,

        /// <summary>Receive a stream from the server.</summary>
        Play,
    }
}
