using System.Collections.Generic;
using System.IO;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Server.Access;
using RtmpXProtect.Engine.Security;

namespace RtmpXProtect.Engine.Hosting
{
    /// <summary>Reads the configuration file (or none) and puts the command line on top; used at start and on every reload.</summary>
    public static class ServeConfigurationReader
    {
        /// <summary>The file (none: the defaults) with <paramref name="overrides"/> on top, validated and mapped to server options.</summary>
        /// <param name="file">The rtmpx.json, or null.</param>
        /// <param name="overrides">What the command line gave.</param>
        /// <exception cref="RtmpxConfigException">The file, the key file or the secret cannot be used; every problem is listed.</exception>
        public static ServeConfiguration Read(FileInfo? file, ServeOverrides overrides)
        {
            var settings = file == null ? new RtmpxConfig() : RtmpxConfigLoader.Load(file.FullName);
            ResolvePaths(settings, file?.DirectoryName ?? Directory.GetCurrentDirectory());

            // Options given on the command line win over the file; defaults of options do not.
            overrides.ApplyTo(settings);
            var options = RtmpxConfigMapper.ToServerOptions(settings);
            var error = ApplyAccess(options, settings.Auth, overrides) ?? ApplyHookSecrets(options, settings.Hooks);
            if (error != null)
            {
                throw new RtmpxConfigException(new[] { error });
            }

            var tls = settings.Listeners.Rtmps;
            var certificate = tls.Certificate;
            var files = (tls.Enabled || settings.Listeners.Rtsps.Enabled) && certificate.Path != null
                ? new CertificateFiles(new FileInfo(certificate.Path), certificate.KeyPath == null ? null : new FileInfo(certificate.KeyPath), certificate.PasswordFile == null ? null : new FileInfo(certificate.PasswordFile), certificate.PasswordEnv)
                : null;
            // A URL file that cannot be read rejects the whole file, like any other error in it.
            var streams = file == null ? System.Array.Empty<RtmpXProtect.Engine.Streaming.StreamDefinition>() : StreamsMapper.ToStreamDefinitions(settings, file.DirectoryName ?? Directory.GetCurrentDirectory());
            return new ServeConfiguration(settings, options, files) { Streams = streams };
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
            foreach (var entry in settings.Paths?.Entries?.Values ?? (IEnumerable<PathEntry>)System.Array.Empty<PathEntry>())
            {
                // A path's file source is the file's, as a stream's is; URLs stay as they are.
                if (entry?.Source != null && entry.Source.IndexOf("://", System.StringComparison.Ordinal) < 0)
                {
                    entry.Source = Resolve(entry.Source);
                }
            }

            settings.Logging.File = Resolve(settings.Logging.File);
            foreach (var webhook in settings.Hooks?.Webhooks ?? new())
            {
                if (webhook != null)
                {
                    webhook.SecretFile = Resolve(webhook.SecretFile);
                }
            }

            // A bare name is looked up on PATH; only a path with a directory is the file's.
            foreach (var hook in settings.Hooks?.Commands ?? new())
            {
                if (hook?.Path != null && hook.Path.IndexOfAny(new[] { '/', '\\' }) >= 0)
                {
                    hook.Path = Resolve(hook.Path);
                }
            }
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

        // The mapper keeps the file's order, so webhook i of the options is section i of the file.
        private static string? ApplyHookSecrets(RtmpServerOptions options, HooksSection hooks)
        {
            if (options.Hooks == null)
            {
                return null;
            }

            for (var i = 0; i < hooks.Webhooks.Count; i++)
            {
                var section = hooks.Webhooks[i];
                if (section.SecretFile == null && section.SecretEnv == null)
                {
                    continue;
                }

                var secret = SigningSecret.Read(section.SecretFile == null ? null : new FileInfo(section.SecretFile), section.SecretEnv, out var error, $"hooks.webhooks[{i}] secret");
                if (secret == null)
                {
                    return error;
                }

                options.Hooks.Webhooks[i].Secret = secret;
            }

            return null;
        }
    }
}
