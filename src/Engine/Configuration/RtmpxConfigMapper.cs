using System;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Server.Access;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>
    /// Turns a configuration into server options, and is its validator: values go through the
    /// engine's own validating setters, whose range errors are reported under the JSON key, so
    /// every range is written once. The certificate and the signing secret are left to the host
    /// to read (<see cref="CertificateSection"/>, <see cref="AuthSection"/>): the engine does not
    /// load secrets.
    /// </summary>
    public static class RtmpxConfigMapper
    {
        /// <summary>
        /// The server options the configuration describes. The access policy's signing secret is
        /// not set: the host reads it from <see cref="AuthSection.SigningSecretFile"/> or
        /// <see cref="AuthSection.SigningSecretEnv"/>.
        /// </summary>
        /// <exception cref="RtmpxConfigException">The configuration breaks a rule; every problem is listed.</exception>
        public static RtmpServerOptions ToServerOptions(RtmpxConfig config)
        {
            var errors = new List<KeyError>();
            var options = Map(config, errors);
            if (errors.Count > 0)
            {
                throw new RtmpxConfigException(errors.Select(e => e.ToString()).ToList());
            }

            return options;
        }

        internal static RtmpServerOptions Map(RtmpxConfig config, List<KeyError> errors)
        {
            var options = new RtmpServerOptions();
            MapListeners(Section(config.Listeners, "listeners", errors), options, errors);
            MapLimits(Section(config.Limits, "limits", errors), options, errors);
            var record = Section(config.Record, "record", errors);
            options.Access = MapAccess(Section(config.Paths, "paths", errors), Section(config.Auth, "auth", errors), record, errors);
            MapPathSources(Section(config.Paths, "paths", errors), options, errors);
            options.RecordDirectory = record.Directory;
            MapRecording(record, options.Recording, errors);
            var logging = Section(config.Logging, "logging", errors);
            Set(errors, "logging.retainedFiles", logging.RetainedFiles, 1, 100000, _ => { });
            options.Hooks = HooksMapper.Map(Section(config.Hooks, "hooks", errors), errors);
            StreamsMapper.Validate(config.Streams, errors);
            XProtectMapper.Validate(Section(config.XProtect, "xprotect", errors), config.Streams ?? new List<StreamSection>(), errors);
            return options;
        }

        private static void MapListeners(ListenersSection listeners, RtmpServerOptions options, List<KeyError> errors)
        {
            var rtmp = Section(listeners.Rtmp, "listeners.rtmp", errors);
            var rtmps = Section(listeners.Rtmps, "listeners.rtmps", errors);
            var certificate = Section(rtmps.Certificate, "listeners.rtmps.certificate", errors);
            options.Endpoint = rtmp.Enabled ? Endpoint(rtmp.Listen, "listeners.rtmp.listen", errors) : null;
            options.TlsEndpoint = rtmps.Enabled ? Endpoint(rtmps.Listen, "listeners.rtmps.listen", errors) : null;
            if (rtmps.Enabled && string.IsNullOrWhiteSpace(certificate.Path))
            {
                errors.Add(new KeyError("listeners.rtmps.certificate.path", "is required when listeners.rtmps.enabled is true"));
            }

            var rtsp = Section(listeners.Rtsp, "listeners.rtsp", errors);
            var rtsps = Section(listeners.Rtsps, "listeners.rtsps", errors);
            options.RtspEndpoint = rtsp.Enabled ? Endpoint(rtsp.Listen, "listeners.rtsp.listen", errors) : null;
            options.RtspsEndpoint = rtsps.Enabled ? Endpoint(rtsps.Listen, "listeners.rtsps.listen", errors) : null;
            if (rtsp.Enabled)
            {
                var ports = RtmpXProtect.Engine.Server.Rtsp.PortRange.Parse(rtsp.UdpPorts);
                if (ports == null)
                {
                    errors.Add(new KeyError("listeners.rtsp.udpPorts", "must be FIRST-LAST with an even FIRST, LAST above it, both 1024–65535, such as 30000-30999"));
                }
                else
                {
                    options.RtspUdpPorts = ports;
                }
            }

            if (rtsps.Enabled && string.IsNullOrWhiteSpace(certificate.Path))
            {
                errors.Add(new KeyError("listeners.rtsps.enabled", "needs listeners.rtmps.certificate.path: RTSPS uses the RTMPS certificate"));
            }

            if (certificate.PasswordFile != null && certificate.PasswordEnv != null)
            {
                errors.Add(new KeyError("listeners.rtmps.certificate.passwordEnv", "must not be set together with passwordFile"));
            }

            if (!rtmp.Enabled && !rtmps.Enabled)
            {
                errors.Add(new KeyError("listeners", "must enable rtmp or rtmps"));
            }
        }

        private static System.Net.IPEndPoint? Endpoint(string? text, string key, List<KeyError> errors)
        {
            var endpoint = ListenAddress.Parse(text);
            if (endpoint == null)
            {
                errors.Add(new KeyError(key, "must be ADDRESS:PORT, such as 0.0.0.0:1935 or [::]:1935"));
            }

            return endpoint;
        }

        private static void MapLimits(LimitsSection limits, RtmpServerOptions options, List<KeyError> errors)
        {
            // Counts and sizes are checked by the engine's own setters (their message is reported
            // under the key); timeouts are bounded here because the file gives them in seconds.
            var admission = new AdmissionLimits();
            Set(errors, "limits.maxConnections", limits.MaxConnections, int.MinValue, int.MaxValue, v => admission.MaxConnections = (int)v);
            Set(errors, "limits.maxConnectionsPerAddress", limits.MaxConnectionsPerAddress, int.MinValue, int.MaxValue, v => admission.MaxConnectionsPerAddress = (int)v);
            Set(errors, "limits.newConnectionsPerSecondPerAddress", limits.NewConnectionsPerSecondPerAddress, int.MinValue, int.MaxValue, v => admission.NewConnectionsPerSecondPerAddress = (int)v);
            Set(errors, "limits.maxUndecidedConnections", limits.MaxUndecidedConnections, int.MinValue, int.MaxValue, v => admission.MaxUndecidedConnections = (int)v);
            Set(errors, "limits.decisionTimeoutSeconds", limits.DecisionTimeoutSeconds, 1, 3600, v => admission.DecisionTimeout = TimeSpan.FromSeconds(v));
            Set(errors, "limits.videoDataTimeoutSeconds", limits.VideoDataTimeoutSeconds, 1, 3600, v => admission.VideoDataTimeout = TimeSpan.FromSeconds(v));
            Set(errors, "limits.receiveIdleTimeoutSeconds", limits.ReceiveIdleTimeoutSeconds, 1, 3600, v => admission.ReceiveIdleTimeout = TimeSpan.FromSeconds(v));
            Set(errors, "limits.memoryBudgetPerConnectionBytes", limits.MemoryBudgetPerConnectionBytes, long.MinValue, long.MaxValue, v => admission.MemoryBudgetPerConnection = v);
            Set(errors, "limits.handshakeTimeoutSeconds", limits.HandshakeTimeoutSeconds, 1, 300, v => options.HandshakeTimeout = TimeSpan.FromSeconds(v));
            Set(errors, "limits.tlsHandshakeTimeoutSeconds", limits.TlsHandshakeTimeoutSeconds, 1, 300, v => options.TlsHandshakeTimeout = TimeSpan.FromSeconds(v));
            Set(errors, "limits.maxGopCacheBytes", limits.MaxGopCacheBytes, 0, 4L * 1024 * 1024 * 1024, v => options.MaxGopCacheBytes = v);
            Set(errors, "limits.unwatchedReadDelayMilliseconds", limits.UnwatchedReadDelayMilliseconds, 0, 1000, v => options.UnwatchedReadDelay = TimeSpan.FromMilliseconds(v));
            options.Admission = admission;

            // WireLimits checks its own ranges: no bounds here, its message is reported under the key.
            var wire = new WireLimits();
            Set(errors, "limits.maxMessageSize", limits.MaxMessageSize, int.MinValue, int.MaxValue, v => wire.MaxMessageSize = (int)v);
            Set(errors, "limits.maxChunkSize", limits.MaxChunkSize, int.MinValue, int.MaxValue, v => wire.MaxChunkSize = (int)v);
            Set(errors, "limits.maxChunkStreams", limits.MaxChunkStreams, int.MinValue, int.MaxValue, v => wire.MaxChunkStreams = (int)v);
            Set(errors, "limits.maxAmfDepth", limits.MaxAmfDepth, int.MinValue, int.MaxValue, v => wire.MaxAmfDepth = (int)v);
            Set(errors, "limits.maxAmfItems", limits.MaxAmfItems, int.MinValue, int.MaxValue, v => wire.MaxAmfItems = (int)v);
            Set(errors, "limits.maxAmfStringLength", limits.MaxAmfStringLength, int.MinValue, int.MaxValue, v => wire.MaxAmfStringLength = (int)v);
            Set(errors, "limits.maxAmfReferences", limits.MaxAmfReferences, int.MinValue, int.MaxValue, v => wire.MaxAmfReferences = (int)v);
            Set(errors, "limits.maxParameterSets", limits.MaxParameterSets, int.MinValue, int.MaxValue, v => wire.MaxParameterSets = (int)v);
            options.Limits = wire;
        }

        // Bounds here only where the file's unit differs from the engine's (seconds for TimeSpans);
        // otherwise the engine's setter message is reported under the key.
        private static void Set(List<KeyError> errors, string key, long value, long min, long max, Action<long> apply)
        {
            if (value < min || value > max)
            {
                errors.Add(new KeyError(key, $"must be {min}–{max}"));
                return;
            }

            try
            {
                apply(value);
            }
            catch (ArgumentOutOfRangeException e)
            {
                errors.Add(new KeyError(key, Rule(e)));
            }
        }

        // "MaxMessageSize must be 1024–16777215. (Parameter ...)" -> "must be 1024–16777215".
        private static string Rule(ArgumentOutOfRangeException e)
        {
            var text = e.Message;
            var end = text.IndexOf(" (Parameter", StringComparison.Ordinal);
            var newline = text.IndexOf('\n');
            if (end < 0 || (newline >= 0 && newline < end))
            {
                end = newline >= 0 ? newline : text.Length;
            }

            text = text.Substring(0, end).Trim().TrimEnd('.');
            var must = text.IndexOf("must ", StringComparison.Ordinal);
            return must >= 0 ? text.Substring(must) : "is out of range";
        }

        private static void Networks(List<string>? networks, string key, IList<string> target, List<KeyError> errors)
        {
            var list = Section(networks, key, errors);
            for (var i = 0; i < list.Count; i++)
            {
                try
                {
                    AddressRange.Parse(list[i] ?? throw new FormatException());
                    target.Add(list[i]);
                }
                catch (FormatException)
                {
                    errors.Add(new KeyError($"{key}[{i}]", "must be an IP address or CIDR range"));
                }
            }
        }

        private static void MapPathSources(PathsSection paths, RtmpServerOptions options, List<KeyError> errors)
        {
            foreach (var entry in paths.Entries ?? new Dictionary<string, PathEntry>())
            {
                var value = entry.Value;
                var path = entry.Key.Trim('/');
                if (value?.Source == null || path.Length == 0)
                {
                    continue;
                }

                var key = "paths.entries." + entry.Key;
                var source = value.Source.Trim();
                var forms = new[] { "rtsp://", "rtsps://", "rtmp://", "rtmps://" };
                var served = Array.Exists(forms, f => source.StartsWith(f, StringComparison.OrdinalIgnoreCase)) || RtmpXProtect.Engine.Streaming.Sources.MediaFileSource.IsMediaFile(source);
                if (!served || !RtmpXProtect.Engine.Streaming.Sources.FrameSources.IsWellFormed(source))
                {
                    errors.Add(new KeyError(key + ".source", "must be an rtsp://, rtsps://, rtmp:// or rtmps:// URL or an .flv or .mp4 file"));
                    continue;
                }

                if (path.IndexOf('/') < 0)
                {
                    errors.Add(new KeyError(key + ".source", "needs a path of the form APP/STREAM (such as live/cam1) to publish to"));
                    continue;
                }

                Set(errors, key + ".sourceCloseAfterSeconds", value.SourceCloseAfterSeconds, 1, 3600, _ => { });
                var transport = SourceTransport(value.SourceTransport);
                if (transport == null)
                {
                    errors.Add(new KeyError(key + ".sourceTransport", "must be \"tcp\" or \"udp\""));
                    continue;
                }

                options.PathSources.Add(new RtmpXProtect.Engine.Streaming.Paths.PathSourceOptions(path, source, value.SourceOnDemand, TimeSpan.FromSeconds(Math.Max(1, value.SourceCloseAfterSeconds)), transport.Value));
            }
        }

        // "tcp" or "udp", in any case; left out (or null) is TCP, which crosses firewalls and loses nothing.
        private static RtmpXProtect.Engine.Streaming.Sources.RtspSourceTransport? SourceTransport(string? text)
        {
            switch ((text ?? "tcp").Trim().ToLowerInvariant())
            {
                case "tcp":
                    return RtmpXProtect.Engine.Streaming.Sources.RtspSourceTransport.Tcp;
                case "udp":
                    return RtmpXProtect.Engine.Streaming.Sources.RtspSourceTransport.Udp;
                default:
                    return null;
            }
        }

        private static void MapRecording(RecordSection record, RtmpXProtect.Engine.Recording.RecordingOptions options, List<KeyError> errors)
        {
            options.Format = record.Format;
            if (RtmpXProtect.Engine.Recording.RecordingNames.Check(record.Pattern) is { } problem)
            {
                errors.Add(new KeyError("record.pattern", problem));
            }
            else
            {
                options.Pattern = record.Pattern;
            }

            Set(errors, "record.segmentSeconds", record.SegmentSeconds, 1, 86400, value => options.SegmentDuration = TimeSpan.FromSeconds(value));
            if (record.DeleteAfterHours is { } hours)
            {
                if (!(hours > 0 && hours <= 24 * 3650))
                {
                    errors.Add(new KeyError("record.deleteAfterHours", "must be more than 0 and at most 87600 (ten years); leave it out to keep recordings"));
                }
                else
                {
                    options.DeleteAfter = TimeSpan.FromHours(hours);
                }
            }

            if (record.MaxMegabytesPerPath is { } megabytes)
            {
                Set(errors, "record.maxMegabytesPerPath", megabytes, 1, 1_000_000_000, value => options.MaxBytesPerPath = value * 1024 * 1024);
            }
        }

        private static AccessPolicy? MapAccess(PathsSection paths, AuthSection auth, RecordSection record, List<KeyError> errors)
        {
            var policy = new AccessPolicy
            {
                Mode = paths.Mode,
                Takeover = paths.Takeover,
                PlayRequiresKey = auth.PlayRequiresKey,
            };
            Keys(paths.PublishKeys, "paths.publishKeys", policy.PublishKeys, errors);
            Keys(paths.PlayKeys, "paths.playKeys", policy.PlayKeys, errors);
            Networks(paths.Publishers, "paths.publishers", policy.PublisherNetworks, errors);

            foreach (var entry in Section(paths.Entries, "paths.entries", errors))
            {
                var key = "paths.entries." + entry.Key;
                if (entry.Key.Trim('/').Length == 0)
                {
                    errors.Add(new KeyError("paths.entries", "must not have an empty path"));
                    continue;
                }

                var value = Section(entry.Value, key, errors);
                var path = new AccessPath(entry.Key);
                Keys(value.PublishKeys, key + ".publishKeys", path.PublishKeys, errors);
                Keys(value.PlayKeys, key + ".playKeys", path.PlayKeys, errors);
                Networks(value.Publishers, key + ".publishers", path.PublisherNetworks, errors);
                path.Record = value.Record;
                if (value.Record == true && string.IsNullOrWhiteSpace(record.Directory))
                {
                    errors.Add(new KeyError(key + ".record", "needs record.directory to record to"));
                }

                policy.Paths.Add(path);
            }

            if (auth.SigningSecretFile != null && auth.SigningSecretEnv != null)
            {
                errors.Add(new KeyError("auth.signingSecretEnv", "must not be set together with auth.signingSecretFile"));
            }

            if (auth.CallbackUrl != null)
            {
                if (Uri.TryCreate(auth.CallbackUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
                {
                    policy.CallbackUrl = url;
                }
                else
                {
                    errors.Add(new KeyError("auth.callbackUrl", "must be an absolute http or https URL"));
                }
            }

            Set(errors, "auth.callbackTimeoutSeconds", auth.CallbackTimeoutSeconds, 1, 60, v => policy.CallbackTimeout = TimeSpan.FromSeconds(v));

            // No rule at all is the open server of before; takeover alone does not close it.
            var closed = policy.Mode == AccessMode.Fixed || policy.PlayRequiresKey || policy.Paths.Count > 0
                || policy.PublishKeys.Count > 0 || policy.PlayKeys.Count > 0 || policy.PublisherNetworks.Count > 0
                || policy.CallbackUrl != null || auth.SigningSecretFile != null || auth.SigningSecretEnv != null;
            return closed ? policy : null;
        }

        private static void Keys(List<string>? keys, string key, IList<string> target, List<KeyError> errors)
        {
            var list = Section(keys, key, errors);
            for (var i = 0; i < list.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(list[i]))
                {
                    errors.Add(new KeyError($"{key}[{i}]", "must be a non-empty string"));
                }
                else
                {
                    target.Add(list[i]);
                }
            }
        }

        // "limits": null parses; it is reported here and the defaults stand in, so later checks run.
        private static T Section<T>(T? section, string key, List<KeyError> errors)
            where T : class, new()
        {
            if (section != null)
            {
                return section;
            }

            errors.Add(new KeyError(key, "must not be null"));
            return new T();
        }
    }
}
