using System;
using System.Net;

namespace RtmpXProtect.Engine.XProtect.Connection
{
    /// <summary>How to reach and log in to an XProtect management server.</summary>
    public sealed class XProtectServerOptions
    {
        /// <summary>The management server, e.g. https://vms.example.com (its path is ignored).</summary>
        public Uri ManagementServer { get; set; } = new Uri("https://localhost");

        /// <summary>
        /// A basic user's name. With <see cref="WindowsUser"/> set, the Windows account instead
        /// (DOMAIN\user), or null for the account the process runs as.
        /// </summary>
        public string? User { get; set; }

        /// <summary>The password, read from a file, a variable or a PSCredential; never shown anywhere.</summary>
        public string? Password { get; set; }

        /// <summary>
        /// Log in as a Windows user (grant_type=windows_credentials with Negotiate), straight to
        /// the identity provider: the API Gateway does not pass Negotiate through (notes).
        /// </summary>
        public bool WindowsUser { get; set; }

        /// <summary>Accept a server certificate that does not verify (self-signed lab servers). Off by default.</summary>
        public bool AllowUntrustedCertificate { get; set; }

        /// <summary>How long one HTTP request may take. Default 30 s.</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// How long before the shorter of the two token lifetimes a refresh starts. Default 30 s,
        /// as Milestone's ServerCommandWrapper sample schedules it.
        /// </summary>
        public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The server as shown in messages: scheme, host and port only.</summary>
        public string ShownServer => ManagementServer.GetLeftPart(UriPartial.Authority);

        /// <summary>The user as shown in messages: the name given, or the process's Windows account.</summary>
        public string ShownUser => string.IsNullOrEmpty(User) ? (WindowsUser ? "the current Windows account" : "(no user)") : User!;

        internal ICredentials? WindowsCredentials =>
            !WindowsUser ? null
            : string.IsNullOrEmpty(User) ? CredentialCache.DefaultCredentials
            : SplitDomain(User!, Password ?? string.Empty);

        private static NetworkCredential SplitDomain(string user, string password)
        {
            int slash = user.IndexOf('\\');
            return slash > 0
                ? new NetworkCredential(user.Substring(slash + 1), password, user.Substring(0, slash))
                : new NetworkCredential(user, password);
        }
    }
}
