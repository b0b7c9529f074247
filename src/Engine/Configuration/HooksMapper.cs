using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Hooks;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>
    /// The hooks section as engine options, checked key by key. Webhook secrets are left to the
    /// host to read (the engine does not load secrets); the targets keep the file's order so the
    /// host can match them to their sections.
    /// </summary>
    internal static class HooksMapper
    {
        public static HookOptions? Map(HooksSection hooks, List<KeyError> errors)
        {
            var options = new HookOptions();
            var webhooks = hooks.Webhooks ?? Missing<WebhookSection>("hooks.webhooks", errors);
            for (var i = 0; i < webhooks.Count; i++)
            {
                var key = $"hooks.webhooks[{i}]";
                var section = webhooks[i];
                if (section == null)
                {
                    errors.Add(new KeyError(key, "must be an object"));
                    continue;
                }

                if (!Uri.TryCreate(section.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                {
                    errors.Add(new KeyError(key + ".url", "must be an absolute http or https URL"));
                    continue;
                }

                var target = new WebhookTarget(url);
                Events(section.Events, key + ".events", target.Events, errors);
                if (section.SecretFile != null && section.SecretEnv != null)
                {
                    errors.Add(new KeyError(key + ".secretEnv", "must not be set together with secretFile"));
                }

                Range(section.TimeoutSeconds, 1, 60, key + ".timeoutSeconds", errors);
                Range(section.Retries, 0, 10, key + ".retries", errors);
                target.Timeout = TimeSpan.FromSeconds(section.TimeoutSeconds);
                target.Retries = section.Retries;
                options.Webhooks.Add(target);
            }

            var commands = hooks.Commands ?? Missing<CommandHookSection>("hooks.commands", errors);
            for (var i = 0; i < commands.Count; i++)
            {
                var key = $"hooks.commands[{i}]";
                var section = commands[i];
                if (section == null)
                {
                    errors.Add(new KeyError(key, "must be an object"));
                    continue;
                }

                if (string.IsNullOrWhiteSpace(section.Path))
                {
                    errors.Add(new KeyError(key + ".path", "must be a program path or name"));
                    continue;
                }

                var target = new CommandHookTarget(section.Path!);
                var args = section.Args ?? Missing<string>(key + ".args", errors);
                for (var j = 0; j < args.Count; j++)
                {
                    if (args[j] == null)
                    {
                        errors.Add(new KeyError($"{key}.args[{j}]", "must be a string"));
                    }
                    else
                    {
                        target.Arguments.Add(args[j]);
                    }
                }

                Events(section.Events, key + ".events", target.Events, errors);
                Range(section.TimeoutSeconds, 1, 3600, key + ".timeoutSeconds", errors);
                target.Timeout = TimeSpan.FromSeconds(section.TimeoutSeconds);
                options.Commands.Add(target);
            }

            return options.IsEmpty ? null : options;
        }

        private static void Events(List<string>? names, string key, ISet<StreamEventKind> target, List<KeyError> errors)
        {
            target.Clear();
            var list = names ?? Missing<string>(key, errors);
            for (var j = 0; j < list.Count; j++)
            {
                switch (list[j])
                {
                    case "streamStarted":
                        target.Add(StreamEventKind.StreamStarted);
                        break;
                    case "streamStopped":
                        target.Add(StreamEventKind.StreamStopped);
                        break;
                    default:
                        errors.Add(new KeyError($"{key}[{j}]", "must be \"streamStarted\" or \"streamStopped\""));
                        break;
                }
            }
        }

        private static void Range(int value, int min, int max, string key, List<KeyError> errors)
        {
            if (value < min || value > max)
            {
                errors.Add(new KeyError(key, $"must be {min}–{max}"));
            }
        }

        private static List<T> Missing<T>(string key, List<KeyError> errors)
        {
            errors.Add(new KeyError(key, "must not be null"));
            return new List<T>();
        }
    }
}
