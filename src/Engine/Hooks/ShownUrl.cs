using System;

namespace RtmpXProtect.Engine.Hooks
{
    /// <summary>
    /// A URL as logs and state may show it: scheme, host and port only. User info and query may hold a
    /// token, and webhook services (Slack, Teams, Discord) carry theirs in the path, so the path is masked.
    /// </summary>
    internal static class ShownUrl
    {
        /// <summary>What stands for what is hidden.</summary>
        public const string Mask = "****";

        public static string Of(Uri url) => url.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) + "/" + Mask;

        /// <summary>The shown form of a URL in a configuration, or only the mask when it is not one.</summary>
        public static string Of(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Of(uri) : Mask;
    }
}
