namespace RtmpXProtect.Engine.Rtmp.Commands
{
    /// <summary>Command and data message names used on the wire (RTMP 1.0 §7.2, FMS conventions).</summary>
    public static class CommandNames
    {
        /// <summary>NetConnection.connect.</summary>
        public const string Connect = "connect";
        /// <summary>The success answer to a command with a transaction id.</summary>
        public const string Result = "_result";
        /// <summary>The failure answer to a command with a transaction id.</summary>
        public const string Error = "_error";
        /// <summary>A NetStream status event.</summary>
        public const string OnStatus = "onStatus";
        /// <summary>FMLE: release a stream name before publishing it.</summary>
        public const string ReleaseStream = "releaseStream";
        /// <summary>FMLE: announce a publish.</summary>
        public const string FCPublish = "FCPublish";
        /// <summary>FMLE: announce the end of a publish.</summary>
        public const string FCUnpublish = "FCUnpublish";
        /// <summary>The answer to FCPublish.</summary>
        public const string OnFCPublish = "onFCPublish";
        /// <summary>The answer to FCUnpublish.</summary>
        public const string OnFCUnpublish = "onFCUnpublish";
        /// <summary>NetConnection.createStream.</summary>
        public const string CreateStream = "createStream";
        /// <summary>NetStream.publish.</summary>
        public const string Publish = "publish";
        /// <summary>NetStream.play.</summary>
        public const string Play = "play";
        /// <summary>NetConnection.deleteStream.</summary>
        public const string DeleteStream = "deleteStream";
        /// <summary>NetStream.close as sent by some clients.</summary>
        public const string CloseStream = "closeStream";
        /// <summary>NetStream.receiveAudio.</summary>
        public const string ReceiveAudio = "receiveAudio";
        /// <summary>NetStream.receiveVideo.</summary>
        public const string ReceiveVideo = "receiveVideo";
        /// <summary>Asked by FFmpeg and Flash players before play.</summary>
        public const string GetStreamLength = "getStreamLength";
        /// <summary>The data message that carries stream metadata.</summary>
        public const string OnMetaData = "onMetaData";
        /// <summary>Encoders wrap onMetaData in this to ask the server to keep it for players.</summary>
        public const string SetDataFrame = "@setDataFrame";
        /// <summary>Flash: permission to read raw samples, sent to players at play start.</summary>
        public const string RtmpSampleAccess = "|RtmpSampleAccess";
    }
}
