using System.Collections.Generic;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Json;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Hosting
{
    /// <summary>
    /// Says what a reload changed in words fit for the log ("paths changed, rtmps listener
    /// restarted"): section names and counts only, never a value, as sections hold keys.
    /// </summary>
    internal static class ConfigChanges
    {
        public static string Describe(RtmpxConfig old, RtmpxConfig next, Reconfiguration result)
        {
            var changes = new List<string>();
            Compare(changes, "listeners", old.Listeners, next.Listeners);
            Compare(changes, "limits", old.Limits, next.Limits);
            Compare(changes, "paths", old.Paths, next.Paths);
            Compare(changes, "auth", old.Auth, next.Auth);
            Compare(changes, "record", old.Record, next.Record);
            Compare(changes, "hooks", old.Hooks, next.Hooks);
            Compare(changes, "logging", old.Logging, next.Logging, " (applies at the next start)");
            Compare(changes, "metrics", old.Metrics, next.Metrics, " (applies at the next start)");
            Compare(changes, "api", old.Api, next.Api, " (applies at the next start)");

            if (result.PlainListenerRestarted)
            {
                changes.Add("rtmp listener restarted");
            }

            if (result.TlsListenerRestarted)
            {
                changes.Add("rtmps listener restarted");
            }

            if (result.SessionsRevoked > 0)
            {
                changes.Add(result.SessionsRevoked + (result.SessionsRevoked == 1 ? " session closed (access revoked)" : " sessions closed (access revoked)"));
            }

            return changes.Count == 0 ? "nothing changed" : string.Join(", ", changes);
        }

        private static void Compare<T>(List<string> changes, string name, T old, T next, string when = "")
        {
            if (!Same(old, next))
            {
                changes.Add(name + " changed" + when);
            }
        }

        private static bool Same<T>(T old, T next) => EngineJson.Serialize(old) == EngineJson.Serialize(next);
    }
}
