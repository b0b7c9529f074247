namespace RtmpXProtect.Engine.XProtect.ImageServer
{
    /// <summary>
    /// One message from a Recording Server's ImageServer: an <see cref="ImageReply"/>, a
    /// <see cref="MethodResponse"/> or a <see cref="LivePackage"/>; the closed set
    /// <see cref="ImageServerReader"/> yields.
    /// </summary>
    public abstract class ImageServerMessage
    {
        private protected ImageServerMessage()
        {
        }
    }
}
