using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RtmpXProtect.Engine.Security;
using RtmpXProtect.Engine.Streaming.Sources;
using RtmpXProtect.Engine.XProtect.Connection;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>The xprotect section as <see cref="XProtectServerOptions"/>; the password is read only by <see cref="ToServerOptions"/>.</summary>
    public static class XProtectMapper
    {
        /// <summary>
        /// The server options of the section, the password read from its file (relative to
        /// <paramref name="baseDirectory"/>) or variable; null when the section names no server.
        /// </summary>
        /// <exception cref="RtmpxConfigException">A rule is broken or the password cannot be read.</exception>
        public static XProtectServerOptions? ToServerOptions(XProtectSection? section, string baseDirectory)
        {
            var errors = new List<KeyError>();
            Validate(section, Array.Empty<StreamSection>(), errors);
            if (errors.Count > 0)
            {
                throw new RtmpxConfigException(errors.Select(e => e.ToString()).ToList());
            }

            if (section?.Server == null)
            {
                return null;
            }

            string? password;
            try
            {
                var file = section.PasswordFile == null ? null : new FileInfo(Path.Combine(baseDirectory, section.PasswordFile));
                password = SecretSource.Read(file, section.PasswordEnv, "XProtect password");
            }
            catch (CertificateLoadException e)
            {
                throw new RtmpxConfigException(new List<string> { "xprotect.password" + (section.PasswordFile != null ? "File" : "Env") + " cannot be read: " + e.Message });
            }

            return new XProtectServerOptions
            {
                ManagementServer = new Uri(section.Server),
                User = string.IsNullOrEmpty(section.User) ? null : section.User,
                Password = password,
                WindowsUser = section.WindowsUser,
                AllowUntrustedCertificate = section.AllowUntrustedCertificate,
            };
        }

        internal static void Validate(XProtectSection? section, IEnumerable<StreamSection> streams, List<KeyError> errors)
        {
            if (section?.Server == null)
            {
                if (streams.Any(s => s?.Source != null && s.Source.Trim().StartsWith(FrameSources.XProtectPrefix, StringComparison.OrdinalIgnoreCase)))
                {
                    errors.Add(new KeyError("xprotect.server", "is required by streams whose source is xprotect:CAMERA"));
                }

                return;
            }

            if (!Uri.TryCreate(section.Server, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http") || uri.UserInfo.Length > 0)
            {
                errors.Add(new KeyError("xprotect.server", "must be an http or https URL without a user name, such as https://vms.example.com"));
            }

            if (section.PasswordFile != null && section.PasswordEnv != null)
            {
                errors.Add(new KeyError("xprotect.passwordEnv", "must not be set together with passwordFile"));
            }

            if (!section.WindowsUser && string.IsNullOrEmpty(section.User))
            {
                errors.Add(new KeyError("xprotect.user", "is required for a basic user (or set windowsUser)"));
            }

            if (!section.WindowsUser && section.PasswordFile == null && section.PasswordEnv == null)
            {
                errors.Add(new KeyError("xprotect.passwordFile", "or passwordEnv is required for a basic user"));
            }
        }
    }
}
