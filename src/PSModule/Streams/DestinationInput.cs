using System.Security;
using RtmpXProtect.Engine.Streaming;

namespace RtmpXProtect.PSModule.Streams
{
    /// <summary>
    /// Turns the two ways a destination is given (rtmps://host/app plus -StreamKey, or a whole URL as a
    /// SecureString) into the definition the engine stores; the key is joined only here.
    /// </summary>
    internal static class DestinationInput
    {
        /// <summary>The destination, or null when neither form was given.</summary>
        public static DestinationDefinition? From(string? destination, SecureString? streamKey, SecureString? destinationUrl, bool allowUntrusted)
        {
            string url;
            if (destinationUrl != null)
            {
                url = Secrets.Reveal(destinationUrl);
            }
            else if (!string.IsNullOrEmpty(destination) && streamKey != null)
            {
                url = destination!.TrimEnd('/') + "/" + Secrets.Reveal(streamKey);
            }
            else
            {
                return null;
            }

            return new DestinationDefinition { Url = url, AllowUntrustedCertificate = allowUntrusted };
        }
    }
}
