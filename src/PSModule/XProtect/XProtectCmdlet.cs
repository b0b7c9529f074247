using System;
using System.IO;
using System.Management.Automation;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.XProtect.Connection;

namespace RtmpXProtect.PSModule.XProtect
{
    /// <summary>
    /// What the XProtect cmdlets share: the site to reach, from -Server and -Credential (the
    /// password stays in the PSCredential until the login needs it) or from the xprotect section
    /// of -ConfigPath; parameters given override the file.
    /// </summary>
    public abstract class XProtectCmdlet : RtmpCmdlet
    {
        /// <summary>The management server URL, e.g. https://vms.example.com.</summary>
        [Parameter]
        public Uri? Server { get; set; }

        /// <summary>A basic user and password; with -WindowsUser a Windows account, or none for the current account.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>Log in as a Windows user (Negotiate) instead of a basic user.</summary>
        [Parameter]
        public SwitchParameter WindowsUser { get; set; }

        /// <summary>Accept server certificates that do not validate (lab servers).</summary>
        [Parameter]
        public SwitchParameter AllowUntrustedCertificate { get; set; }

        /// <summary>An rtmpx.json whose xprotect section names the server and user.</summary>
        [Parameter]
        public string? ConfigPath { get; set; }

        /// <summary>The server options, or a terminating error saying what is missing.</summary>
        protected XProtectServerOptions ServerOptions()
        {
            XProtectServerOptions? options = null;
            if (ConfigPath != null)
            {
                var path = GetUnresolvedProviderPathFromPSPath(ConfigPath);
                try
                {
                    options = XProtectMapper.ToServerOptions(RtmpxConfigLoader.Load(path).XProtect, Path.GetDirectoryName(path) ?? ".");
                }
                catch (RtmpxConfigException e)
                {
                    Fail(new ArgumentException($"{path}: {string.Join("; ", e.Errors)}"), "ConfigurationInvalid", ErrorCategory.InvalidData, path);
                }
            }

            options ??= new XProtectServerOptions { ManagementServer = Server! };
            options.ManagementServer = Server ?? options.ManagementServer;
            options.WindowsUser |= WindowsUser.IsPresent;
            options.AllowUntrustedCertificate |= AllowUntrustedCertificate.IsPresent;
            if (Credential != null)
            {
                options.User = Credential.UserName;
                options.Password = Secrets.Reveal(Credential.Password);
            }

            if (options.ManagementServer == null)
            {
                Fail(new ArgumentException("Give the management server with -Server https://HOST, or -ConfigPath with an xprotect section."), "ServerRequired", ErrorCategory.InvalidArgument, null);
            }

            if (!options.WindowsUser && (string.IsNullOrEmpty(options.User) || options.Password == null))
            {
                Fail(new ArgumentException("A basic user needs -Credential (or -WindowsUser, or -ConfigPath with user and password file)."), "CredentialRequired", ErrorCategory.InvalidArgument, options.ShownServer);
            }

            return options;
        }

        /// <summary>Ends the command with the failure of an XProtect call, categorised.</summary>
        protected void FailXProtect(XProtectException e, object? target) =>
            Fail(e, e is XProtectAuthenticationException ? "LoginRefused" : "XProtectFailed", e is XProtectAuthenticationException ? ErrorCategory.AuthenticationError : ErrorCategory.ConnectionError, target);
    }
}
