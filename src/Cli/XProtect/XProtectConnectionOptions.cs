using System;
using System.CommandLine;
using System.IO;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Security;
using RtmpXProtect.Engine.XProtect.Connection;

namespace RtmpXProtect.Cli.XProtect
{
    /// <summary>
    /// The options every `rtmpx xprotect` verb takes to reach a site: the xprotect section of
    /// --config, or --server and --user with the password from a file or a variable (never an
    /// argument: the process list would show it); options given override the file.
    /// </summary>
    internal sealed class XProtectConnectionOptions
    {
        private readonly Option<FileInfo?> _config = new("--config") { Description = "An rtmpx.json whose xprotect section names the server and user." };
        private readonly Option<string?> _server = new("--server") { Description = "The management server URL, e.g. https://vms.example.com." };
        private readonly Option<string?> _user = new("--user") { Description = "A basic user, or with --windows-user a Windows account (DOMAIN\\user)." };
        private readonly Option<FileInfo?> _passwordFile = new("--password-file") { Description = "A file holding the password." };
        private readonly Option<string?> _passwordEnv = new("--password-env") { Description = "An environment variable holding the password." };
        private readonly Option<bool> _windows = new("--windows-user") { Description = "Log in as a Windows user (Negotiate); without --user, the account rtmpx runs as." };
        private readonly Option<bool> _untrusted = new("--allow-untrusted") { Description = "Accept server certificates that do not validate (lab servers)." };

        public void AddTo(Command command)
        {
            command.Options.Add(_config);
            command.Options.Add(_server);
            command.Options.Add(_user);
            command.Options.Add(_passwordFile);
            command.Options.Add(_passwordEnv);
            command.Options.Add(_windows);
            command.Options.Add(_untrusted);
        }

        /// <summary>The server options, or null with <paramref name="error"/> saying what is missing or wrong.</summary>
        public XProtectServerOptions? Read(ParseResult parse, out string? error)
        {
            error = null;
            XProtectServerOptions? options = null;
            if (parse.GetValue(_config) is FileInfo file)
            {
                try
                {
                    options = XProtectMapper.ToServerOptions(RtmpxConfigLoader.Load(file.FullName).XProtect, file.DirectoryName ?? Directory.GetCurrentDirectory());
                }
                catch (RtmpxConfigException e)
                {
                    error = $"{file.FullName}: {string.Join("; ", e.Errors)}";
                    return null;
                }
            }

            options ??= new XProtectServerOptions { ManagementServer = null! };
            if (parse.GetValue(_server) is string server)
            {
                options.ManagementServer = Uri.TryCreate(server, UriKind.Absolute, out var uri) ? uri : null!;
            }

            options.User = parse.GetValue(_user) ?? options.User;
            options.WindowsUser |= parse.GetValue(_windows);
            options.AllowUntrustedCertificate |= parse.GetValue(_untrusted);
            try
            {
                options.Password = SecretSource.Read(parse.GetValue(_passwordFile), parse.GetValue(_passwordEnv), "XProtect password") ?? options.Password;
            }
            catch (CertificateLoadException e)
            {
                error = e.Message;
                return null;
            }

            if (options.ManagementServer == null || !options.ManagementServer.IsAbsoluteUri || (options.ManagementServer.Scheme != "https" && options.ManagementServer.Scheme != "http"))
            {
                error = "Give the management server with --server https://HOST or --config FILE with an xprotect section.";
                return null;
            }

            if (!options.WindowsUser && (string.IsNullOrEmpty(options.User) || options.Password == null))
            {
                error = "A basic user needs --user and --password-file or --password-env (or --windows-user).";
                return null;
            }

            return options;
        }
    }
}
