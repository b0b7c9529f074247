using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Security;

namespace RtmpXProtect.Engine.Server.Access
{
    /// <summary>
    /// Applies an <see cref="AccessPolicy"/> to publish and play requests. Everything but the
    /// callback is decided without I/O; the policy is copied at construction, so later edits to it
    /// have no effect.
    /// </summary>
    public sealed class AccessDecider
    {
        private readonly AccessPolicy _policy;
        private readonly Dictionary<string, Entry> _paths = new Dictionary<string, Entry>(StringComparer.Ordinal);
        private readonly List<Credential> _publishKeys = new List<Credential>();
        private readonly List<Credential> _playKeys = new List<Credential>();
        private readonly List<AddressRange> _networks = new List<AddressRange>();
        private readonly AccessCallback? _callback;

        /// <summary>Creates a decider; <paramref name="http"/> is for tests of the callback (default: a client of its own).</summary>
        /// <exception cref="FormatException">A publisher network is not an address or CIDR range.</exception>
        public AccessDecider(AccessPolicy policy, HttpClient? http = null)
        {
            _policy = policy;
            foreach (var path in policy.Paths)
            {
                var entry = new Entry(path.Path);
                AddKeys(entry.PublishKeys, path.PublishKeys, "key " + path.Path);
                AddKeys(entry.PlayKeys, path.PlayKeys, "play key " + path.Path);
                foreach (var network in path.PublisherNetworks)
                {
                    entry.Networks.Add(AddressRange.Parse(network));
                }

                entry.Record = path.Record;
                entry.AnyonePublishes = path.AnyonePublishes;
                _paths[path.Path] = entry;
            }

            AddKeys(_publishKeys, policy.PublishKeys, "key *");
            AddKeys(_playKeys, policy.PlayKeys, "play key *");
            foreach (var network in policy.PublisherNetworks)
            {
                _networks.Add(AddressRange.Parse(network));
            }

            if (policy.CallbackUrl != null)
            {
                _callback = new AccessCallback(http ?? new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan }, policy.CallbackUrl, policy.CallbackTimeout);
            }
        }

        /// <summary>What a second publisher of a published path gets.</summary>
        public TakeoverPolicy Takeover => _policy.Takeover;

        /// <summary>Decides on a request; only the callback (when configured and needed) makes this wait.</summary>
        public Task<AccessDecision> DecideAsync(AccessRequest request, CancellationToken cancel = default)
        {
            var local = DecideLocally(request, out var parameters);
            if (local != null || _callback == null)
            {
                return Task.FromResult(local ?? AccessDecision.Deny(request.Path, LastDenial(request, parameters)));
            }

            return AskCallbackAsync(request, parameters, cancel);
        }

        /// <summary>
        /// Whether a session admitted earlier may stay under this policy: the static rules (path
        /// list, addresses, keys, signed URLs) are applied to its original request, at its original
        /// time so a signed URL that was valid then stays valid while its secret does; a session the
        /// callback allowed stays unless a static rule now refuses it. Null when it may stay,
        /// otherwise the reason (never a key).
        /// </summary>
        internal string? Recheck(AccessRequest admitted, string? admittedBy)
        {
            var local = DecideLocally(admitted, out var parameters);
            if (local != null)
            {
                return local.IsAllowed ? null : local.Reason;
            }

            return admittedBy == "callback" ? null : LastDenial(admitted, parameters);
        }

        /// <summary>
        /// The key, among those that may do what <paramref name="request"/> asks on its path, that
        /// <paramref name="matches"/> accepts: how a client that proves it knows a key without sending
        /// it (RTSP Digest) is let in; the caller decides again with that key. Every candidate is
        /// tried, so the time does not tell which one matched. Null when none does.
        /// </summary>
        internal string? KeyMatching(AccessRequest request, Func<byte[], bool> matches)
        {
            var entry = Resolve(request);
            byte[]? found = null;
            void Scan(List<Credential> keys)
            {
                foreach (var credential in keys)
                {
                    if (matches(credential.Bytes) && found == null)
                    {
                        found = credential.Bytes;
                    }
                }
            }

            if (entry != null)
            {
                Scan(entry.PublishKeys);
                if (request.Action == AccessAction.Play)
                {
                    Scan(entry.PlayKeys);
                }
            }

            Scan(_publishKeys);
            if (request.Action == AccessAction.Play)
            {
                Scan(_playKeys);
            }

            return found == null ? null : Encoding.UTF8.GetString(found);
        }

        /// <summary>The path entry's record setting for a request; null when it has none.</summary>
        internal bool? RecordSetting(AccessRequest request) => Resolve(request)?.Record;

        private async Task<AccessDecision> AskCallbackAsync(AccessRequest request, Dictionary<string, string> parameters, CancellationToken cancel)
        {
            var refusal = await _callback!.AskAsync(request, parameters, cancel).ConfigureAwait(false);
            var path = Resolve(request)?.Path ?? request.Path;
            return refusal == null ? AccessDecision.Allow(path, "callback") : AccessDecision.Deny(request.Path, refusal);
        }

        // Null when neither a hard rule refused nor a credential allowed: the callback's turn.
        private AccessDecision? DecideLocally(AccessRequest request, out Dictionary<string, string> parameters)
        {
            parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            QueryParameters.AddTo(parameters, request.Stream.Query);
            QueryParameters.AddTo(parameters, request.App.Query);
            var requested = request.Path;
            if (request.Stream.Name.Trim('/').Length == 0)
            {
                return AccessDecision.Deny(requested, "no stream name");
            }

            var entry = Resolve(request);
            var networks = entry != null && entry.Networks.Count > 0 ? entry.Networks : _networks;
            if (request.Action == AccessAction.Publish && networks.Count > 0 && !FromAllowedNetwork(request, networks))
            {
                return AccessDecision.Deny(requested, "address " + (request.RemoteAddress?.ToString() ?? "unknown") + " may not publish");
            }

            if (entry == null && _policy.Mode == AccessMode.Fixed)
            {
                return AccessDecision.Deny(requested, "no such path");
            }

            var path = entry?.Path ?? requested;
            if ((request.Action == AccessAction.Play && !_policy.PlayRequiresKey) || (request.Action == AccessAction.Publish && entry?.AnyonePublishes == true))
            {
                return AccessDecision.Allow(path, "anyone");
            }

            if (parameters.TryGetValue("key", out var key) && key.Length > 0)
            {
                var matched = Match(Encoding.UTF8.GetBytes(key), entry, request.Action);
                if (matched != null)
                {
                    return AccessDecision.Allow(path, matched);
                }
            }

            if (_policy.SigningSecret != null && _policy.SigningSecret.Length > 0
                && SignedUrl.Verify(_policy.SigningSecret, requested, Value(parameters, "exp"), Value(parameters, "sig"), request.Now) == SignedUrlCheck.Valid)
            {
                return AccessDecision.Allow(path, "signed " + path);
            }

            return null;
        }

        private string LastDenial(AccessRequest request, Dictionary<string, string> parameters)
        {
            if (parameters.ContainsKey("sig") && _policy.SigningSecret != null && _policy.SigningSecret.Length > 0)
            {
                var check = SignedUrl.Verify(_policy.SigningSecret, request.Path, Value(parameters, "exp"), Value(parameters, "sig"), request.Now);
                return "signed URL: " + check.ToString().ToLowerInvariant();
            }

            return parameters.TryGetValue("key", out var key) && key.Length > 0 ? "wrong key" : "no key";
        }

        // Every candidate is compared, matched or not, so the time does not tell which one matched.
        private string? Match(byte[] given, Entry? entry, AccessAction action)
        {
            string? matched = null;
            void Scan(List<Credential> keys)
            {
                foreach (var credential in keys)
                {
                    if (ConstantTime.AreEqual(given, credential.Bytes) && matched == null)
                    {
                        matched = credential.Identity;
                    }
                }
            }

            if (entry != null)
            {
                Scan(entry.PublishKeys);
            }

            Scan(_publishKeys);
            if (action == AccessAction.Play)
            {
                if (entry != null)
                {
                    Scan(entry.PlayKeys);
                }

                Scan(_playKeys);
            }

            return matched;
        }

        // "live/cam1" first, then the bare "cam1" entry that stands for that name under any app.
        private Entry? Resolve(AccessRequest request)
        {
            if (_paths.TryGetValue(request.Path, out var entry))
            {
                return entry;
            }

            var name = request.Stream.Name.Trim('/');
            return name.IndexOf('/') < 0 && _paths.TryGetValue(name, out entry) ? entry : null;
        }

        private static bool FromAllowedNetwork(AccessRequest request, List<AddressRange> networks)
        {
            if (request.RemoteAddress == null)
            {
                return false;
            }

            foreach (var network in networks)
            {
                if (network.Contains(request.RemoteAddress))
                {
                    return true;
                }
            }

            return false;
        }

        private static string? Value(Dictionary<string, string> parameters, string name) => parameters.TryGetValue(name, out var value) ? value : null;

        private static void AddKeys(List<Credential> into, IEnumerable<string> keys, string identity)
        {
            var index = 0;
            foreach (var key in keys)
            {
                index++;
                if (!string.IsNullOrEmpty(key))
                {
                    into.Add(new Credential(Encoding.UTF8.GetBytes(key), identity + "#" + index.ToString(CultureInfo.InvariantCulture)));
                }
            }
        }

        private sealed class Entry
        {
            public Entry(string path)
            {
                Path = path;
            }

            public string Path { get; }

            public List<Credential> PublishKeys { get; } = new List<Credential>();

            public List<Credential> PlayKeys { get; } = new List<Credential>();

            public List<AddressRange> Networks { get; } = new List<AddressRange>();

            public bool? Record { get; set; }

            public bool AnyonePublishes { get; set; }
        }

        private sealed class Credential
        {
            public Credential(byte[] bytes, string identity)
            {
                Bytes = bytes;
                Identity = identity;
            }

            public byte[] Bytes { get; }

            public string Identity { get; }
        }
    }
}
