using System.IO;
using RtmpXProtect.Cli.Commands;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Server.Access;

namespace RtmpXProtect.Cli.Serving
{
    /// <summary>Reads the configuration file (or none) and puts the command line on top; used at start and on every reload.</summary>
    internal static class ServeConfigurationReader
    {
        /// <exception cref="RtmpxConfigException">The file, the key file or the secret cannot be used; every problem is listed.</exception>
        public static ServeConfiguration Read(FileInfo? file, ServeOverrides overrides)
        {
            var settings = file == null ? new RtmpxConfig() : RtmpxConfigLoader.Load(file.FullName);
            ResolvePaths(settings, file?.DirectoryName ?? Directory.GetCurrentDirectory());

            // Options given on the command line win over the file; defaults of options do not.
            overrides.ApplyTo(settings);
            var options = RtmpxConfigMapper.ToServerOptions(settings);
            var error = ApplyAccess(options, settings.Auth, overrides);
            if (error != null)
            {
                throw new RtmpxConfigException(new[] { error });
            }

            var tls = settings.Listeners.Rtmps;
            var certificate = tls.Certificate;
            var files = tls.Enabled && certificate.Path != null
                ? new CertificateFiles(new FileInfo(certificate.Path), certificate.KeyPath == null ? null : new FileInfo(certificate.KeyPath), certificate.PasswordFile == null ? null : new FileInfo(certificate.PasswordFile), certificate.PasswordEnv)
                : null;
            return new ServeConfiguration(settings, options, files);
        }

        // Paths in the file are relative to the file, as a service's working directory is arbitrary.
        private static void ResolvePaths(RtmpxConfig settings, string baseDirectory)
        {
            string? Resolve(string? path) => string.IsNullOrWhiteSpace(path) ? path : Path.GetFullPath(Path.Combine(baseDirectory, path));
            var certificate = settings.Listeners.Rtmps.Certificate;
            certificate.Path = Resolve(certificate.Path);
            certificate.KeyPath = Resolve(certificate.KeyPath);
            certificate.PasswordFile = Resolve(certificate.PasswordFile);
            settings.Auth.SigningSecretFile = Resolve(settings.Auth.SigningSecretFile);
            settings.Record.Directory = Resolve(settings.Record.Directory);
        }

        // The file's access policy, with the command line's key file, secret, mode and takeover on top.
        // Without either, the server stays as open as the file (or no file) made it.
        private static string? ApplyAccess(RtmpServerOptions options, AuthSection auth, ServeOverrides overrides)
        {
            var keyFile = overrides.PublishKeyFile;
            var secretFile = overrides.SecretFile;
            if (keyFile != null || secretFile != null)
            {
                options.Access ??= new AccessPolicy();
            }

            if (options.Access is not AccessPolicy policy)
            {
                return null;
            }

            policy.Mode = overrides.Mode ?? policy.Mode;
            policy.Takeover = overrides.Takeover ?? policy.Takeover;
            string? error = null;
            if (keyFile != null && !PublishKeyFile.TryLoad(keyFile.FullName, policy, out error))
            {
                return error;
            }

            if (secretFile != null || auth.SigningSecretFile != null || auth.SigningSecretEnv != null)
            {
                var file = secretFile ?? (auth.SigningSecretFile == null ? null : new FileInfo(auth.SigningSecretFile));
                policy.SigningSecret = SigningSecret.Read(file, secretFile == null ? auth.SigningSecretEnv : null, out error);
            }

            return error;
        }
    }
}
