using System;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using RtmpXProtect.Engine.Server;
using RtmpXProtect.Engine.Server.Access;

namespace RtmpXProtect.Engine.XProtect.Driver
{
    /// <summary>
    /// The engine server options a driver's settings stand for. Applied at start and, on a
    /// settings change, with <see cref="RtmpServer.Reconfigure"/>: a new key drops only the
    /// publishers it no longer admits, TLS on or off restarts only the listener.
    /// </summary>
    public static class DriverServerOptions
    {
        /// <summary>
        /// The options for <paramref name="settings"/>; <paramref name="certificate"/> is the RTMPS
        /// certificate the adapter loaded (from the file or the Windows store), required with TLS.
        /// </summary>
        /// <exception cref="ArgumentException">TLS is on without a certificate, or a limit is out of range (the message names the setting).</exception>
        public static RtmpServerOptions Create(DriverSettings settings, X509Certificate2? certificate, IPAddress? address = null)
        {
            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            if (settings.Port < 0 || settings.Port > 65535)
            {
                throw new ArgumentException($"Port must be 0–65535, not {settings.Port}.", nameof(settings));
            }

            if (settings.UseTls && certificate == null)
            {
                throw new ArgumentException(DriverCertificate.Missing, nameof(settings));
            }

            var endpoint = new IPEndPoint(address ?? IPAddress.Any, settings.Port);
            var access = new AccessPolicy { Mode = AccessMode.Fixed };
            for (int device = 1; device <= DriverSettings.DeviceCount; device++)
            {
                var path = new AccessPath(DriverSettings.PathOf(device));
                if (settings.KeyOf(device) is { } key)
                {
                    path.PublishKeys.Add(key);
                }
                else
                {
                    path.AnyonePublishes = true;
                }

                access.Paths.Add(path);
            }

            return new RtmpServerOptions
            {
                Endpoint = settings.UseTls ? null : endpoint,
                TlsEndpoint = settings.UseTls ? endpoint : null,
                Certificate = settings.UseTls ? certificate : null,
                Access = access,
                HandshakeTimeout = Seconds(settings.HandshakeTimeoutSeconds, "HandshakeTimeoutSeconds"),
                TlsHandshakeTimeout = Seconds(settings.HandshakeTimeoutSeconds, "HandshakeTimeoutSeconds"),
                Admission = new AdmissionLimits
                {
                    MaxConnections = Range(settings.MaxConnections, 1, 100000, "MaxConnections"),
                    NewConnectionsPerSecondPerAddress = Range(settings.NewConnectionsPerSecond, 1, 100000, "NewConnectionsPerSecond"),
                    VideoDataTimeout = Seconds(settings.VideoTimeoutSeconds, "VideoTimeoutSeconds"),
                },
            };
        }

        private static TimeSpan Seconds(int value, string name) => TimeSpan.FromSeconds(Range(value, 1, 3600, name));

        private static int Range(int value, int min, int max, string name) =>
            value >= min && value <= max ? value : throw new ArgumentException($"{name} must be {min}–{max}, not {value}.", name);
    }
}
