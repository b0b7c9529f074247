namespace RtmpXProtect.Engine.XProtect.Plugin.Messages
{
    /// <summary>
    /// The MIP message ids (<c>Message.MessageId</c>) the Management Client and the Event Server's
    /// background plugin exchange through <c>MessageCommunication</c>; the message's data is the
    /// text <see cref="PluginMessageCodec"/> makes.
    /// </summary>
    public static class PluginMessageIds
    {
        /// <summary>Management Client to Event Server: a <see cref="PluginRequest"/>.</summary>
        public const string Request = "RtmpXProtect.Plugin.Request";

        /// <summary>Event Server to Management Client: a <see cref="PluginAnswer"/> with the request's id.</summary>
        public const string Answer = "RtmpXProtect.Plugin.Answer";
    }
}
