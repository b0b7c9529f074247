namespace RtmpXProtect.Engine.Rtmp.Commands
{
    /// <summary>The NetConnection / NetStream status codes clients act on.</summary>
    public static class StatusCodes
    {
        /// <summary>Connect accepted.</summary>
        public const string ConnectSuccess = "NetConnection.Connect.Success";
        /// <summary>Connect refused.</summary>
        public const string ConnectRejected = "NetConnection.Connect.Rejected";
        /// <summary>A call failed.</summary>
        public const string CallFailed = "NetConnection.Call.Failed";
        /// <summary>Publish accepted.</summary>
        public const string PublishStart = "NetStream.Publish.Start";
        /// <summary>Publish refused: the name is in use or not allowed.</summary>
        public const string PublishBadName = "NetStream.Publish.BadName";
        /// <summary>Publish ended.</summary>
        public const string UnpublishSuccess = "NetStream.Unpublish.Success";
        /// <summary>Play reset the playlist.</summary>
        public const string PlayReset = "NetStream.Play.Reset";
        /// <summary>Play started.</summary>
        public const string PlayStart = "NetStream.Play.Start";
        /// <summary>Play of a stream that does not exist.</summary>
        public const string PlayStreamNotFound = "NetStream.Play.StreamNotFound";
        /// <summary>Play failed for another reason.</summary>
        public const string PlayFailed = "NetStream.Play.Failed";
        /// <summary>The publisher of the played stream left.</summary>
        public const string PlayUnpublishNotify = "NetStream.Play.UnpublishNotify";
        /// <summary>A publisher of the played stream started.</summary>
        public const string PlayPublishNotify = "NetStream.Play.PublishNotify";
        /// <summary>Play stopped.</summary>
        public const string PlayStop = "NetStream.Play.Stop";
        /// <summary>Play completed.</summary>
        public const string PlayComplete = "NetStream.Play.Complete";
    }
}
