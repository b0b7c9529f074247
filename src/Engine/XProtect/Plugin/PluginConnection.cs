using System;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.XProtect.Connection;
using RtmpXProtect.Engine.XProtect.Live;

namespace RtmpXProtect.Engine.XProtect.Plugin
{
    /// <summary>
    /// How the helpers reach XProtect: the management server the adapter names (MIP knows it on the
    /// Event Server), logging in as the Event Server's own Windows account (grant_type
    /// windows_credentials with Negotiate, no password anywhere). A basic user is for sites and
    /// tests without Windows authentication.
    /// </summary>
    public sealed class PluginConnection
    {
        /// <summary>The management server, e.g. https://vms.example.com.</summary>
        public Uri ManagementServer { get; set; } = new Uri("https://localhost");

        /// <summary>Accept management and recording server certificates that do not validate (lab servers). Off by default.</summary>
        public bool AllowUntrustedCertificate { get; set; }

        /// <summary>A basic user instead of the process's Windows account; null (the default) for Windows authentication.</summary>
        public string? BasicUser { get; set; }

        /// <summary>The basic user's password; only with <see cref="BasicUser"/>. Written to an owner-only file, never to a command line.</summary>
        public string? BasicPassword { get; set; }

        /// <summary>True when the helpers log in as the account they run as.</summary>
        public bool UsesWindowsAccount => string.IsNullOrEmpty(BasicUser);

        /// <summary>The source options of an in-process xprotect: source: Negotiate as the current account, or the basic user.</summary>
        public XProtectSourceOptions ToSourceOptions() => new XProtectSourceOptions
        {
            Server = new XProtectServerOptions
            {
                ManagementServer = ManagementServer,
                WindowsUser = UsesWindowsAccount,
                User = UsesWindowsAccount ? null : BasicUser,
                Password = UsesWindowsAccount ? null : BasicPassword,
                AllowUntrustedCertificate = AllowUntrustedCertificate,
            },
        };

        /// <summary>The xprotect section of the helpers' configuration; the password only by file.</summary>
        internal XProtectSection ToSection(string? passwordFile) => new XProtectSection
        {
            Server = ManagementServer.GetLeftPart(UriPartial.Authority),
            WindowsUser = UsesWindowsAccount,
            User = UsesWindowsAccount ? null : BasicUser,
            PasswordFile = UsesWindowsAccount ? null : passwordFile,
            AllowUntrustedCertificate = AllowUntrustedCertificate,
        };

        /// <exception cref="ArgumentException">The server is not http(s), carries a user, or a basic user lacks a password.</exception>
        internal void Validate()
        {
            if (ManagementServer == null || !ManagementServer.IsAbsoluteUri || (ManagementServer.Scheme != "https" && ManagementServer.Scheme != "http") || ManagementServer.UserInfo.Length > 0)
            {
                throw new ArgumentException("The management server must be an http or https URL without a user name.", nameof(ManagementServer));
            }

            if (!UsesWindowsAccount && string.IsNullOrEmpty(BasicPassword))
            {
                throw new ArgumentException("A basic user needs a password.", nameof(BasicPassword));
            }
        }
    }
}
