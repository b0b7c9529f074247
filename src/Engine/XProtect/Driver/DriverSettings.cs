using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.XProtect.Driver
{
    /// <summary>
    /// The hardware settings of the RtmpXProtect driver as the Recording Server keeps them (the
    /// Management Client's hardware and device settings), free of MIP types: where it listens,
    /// whether RTMPS, the keys publishers give, and the limits that keep a hostile peer from
    /// disturbing the other devices.
    /// </summary>
    public sealed class DriverSettings
    {
        /// <summary>Devices (cameras, each with a microphone) one hardware has: live/stream1 … live/stream16, as the seed driver had /stream1 … /stream16.</summary>
        public const int DeviceCount = 16;

        /// <summary>The RTMP (or, with <see cref="UseTls"/>, RTMPS) port; 1935 by default, 0 for a free one.</summary>
        public int Port { get; set; } = 1935;

        /// <summary>Serve RTMPS on <see cref="Port"/> instead of plain RTMP.</summary>
        public bool UseTls { get; set; }

        /// <summary>A PFX file with the certificate and its private key, for RTMPS.</summary>
        public string? CertificatePath { get; set; }

        /// <summary>The PFX file's password (never logged, never part of an error).</summary>
        public string? CertificatePassword { get; set; }

        /// <summary>The thumbprint of a certificate in the Windows store (LocalMachine\My), used when no file is given.</summary>
        public string? CertificateThumbprint { get; set; }

        /// <summary>
        /// The key every device's publisher gives (?key=…) unless the device has its own. A device
        /// with no key takes any publisher, as the seed driver's did; the adapter sets this from the
        /// hardware's password, so a driver added with a password is protected by it.
        /// </summary>
        public string? PublishKey { get; set; }

        /// <summary>A device's own key, by device number (1–16), over <see cref="PublishKey"/>.</summary>
        public IDictionary<int, string> DevicePublishKeys { get; } = new Dictionary<int, string>();

        /// <summary>Connections at most, publishers and probes together.</summary>
        public int MaxConnections { get; set; } = 64;

        /// <summary>New connections a second one address may open.</summary>
        public int NewConnectionsPerSecond { get; set; } = 10;

        /// <summary>Seconds a peer has for the handshake, TLS included.</summary>
        public int HandshakeTimeoutSeconds { get; set; } = 10;

        /// <summary>Seconds a publisher may send no video before it is dropped (its device goes offline).</summary>
        public int VideoTimeoutSeconds { get; set; } = 15;

        /// <summary>
        /// The loopback port of the status API (Get-RtmpIngest -Api http://127.0.0.1:PORT); 0 serves
        /// none. A second hardware on the same Recording Server needs a port of its own.
        /// </summary>
        public int StatusApiPort { get; set; } = DefaultStatusApiPort;

        /// <summary>1986: one above `rtmpx serve`'s 1985, so both can run on one host.</summary>
        public const int DefaultStatusApiPort = 1986;

        /// <summary>
        /// The path of device <paramref name="device"/> (1–16): live/stream1 … live/stream16, so
        /// a publisher sends to rtmp://host:port/live/stream1?key=KEY (OBS: server
        /// rtmp://host:port/live, stream key stream1?key=KEY), as to any RtmpXProtect server.
        /// </summary>
        public static string PathOf(int device) =>
            device >= 1 && device <= DeviceCount ? "live/stream" + device : throw new ArgumentOutOfRangeException(nameof(device), device, "Devices are numbered 1–" + DeviceCount + ".");

        /// <summary>The device a path belongs to, or 0 when it is none of them.</summary>
        public static int DeviceOf(string path)
        {
            const string Prefix = "live/stream";
            return path != null && path.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(path.Substring(Prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var device)
                && device >= 1 && device <= DeviceCount && PathOf(device) == path
                ? device
                : 0;
        }

        /// <summary>The key device <paramref name="device"/> requires, or null for none.</summary>
        public string? KeyOf(int device) => DevicePublishKeys.TryGetValue(device, out var own) && !string.IsNullOrEmpty(own) ? own : string.IsNullOrEmpty(PublishKey) ? null : PublishKey;
    }
}
