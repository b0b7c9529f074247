using System;
using System.Collections.Generic;
using System.Globalization;

namespace RtmpXProtect.Engine.XProtect.Driver
{
    /// <summary>
    /// The driver as the Recording Server sees it, free of MIP types: its ids, the hardware
    /// settings with their fields and defaults, the 16 camera devices with their events, and the
    /// reading of the Recording Server's key/value settings into <see cref="DriverSettings"/>.
    /// The ids never change between versions: hardware already added keeps its devices.
    /// </summary>
    public static class DriverHardware
    {
        /// <summary>The driver's id, as the Recording Server registers it.</summary>
        public static readonly Guid DriverId = new Guid("6d1f3b2a-7c54-4e0b-9a31-52c0f1e8a001");

        /// <summary>The one product the driver supports.</summary>
        public static readonly Guid ProductId = new Guid("6d1f3b2a-7c54-4e0b-9a31-52c0f1e8a002");

        /// <summary>The video stream every camera device has.</summary>
        public static readonly Guid VideoStreamId = new Guid("6d1f3b2a-7c54-4e0b-9a31-52c0f1e8a003");

        /// <summary>The "RTMP Stream Started" event of every camera device.</summary>
        public static readonly Guid StreamStartedEvent = new Guid("6d1f3b2a-7c54-4e0b-9a31-52c0f1e8a004");

        /// <summary>The "RTMP Stream Stopped" event of every camera device.</summary>
        public static readonly Guid StreamStoppedEvent = new Guid("6d1f3b2a-7c54-4e0b-9a31-52c0f1e8a005");

        /// <summary>The hardware settings, in the order the Management Client lists them.</summary>
        public static readonly IReadOnlyList<DriverSettingField> Fields = new[]
        {
            new DriverSettingField("Port", "RTMP(S) port", DriverSettingKind.Number, "1935", Field(1), 1, 65535),
            new DriverSettingField("UseTls", "RTMPS (TLS)", DriverSettingKind.Bool, "false", Field(2)),
            new DriverSettingField("CertificatePath", "Certificate file (PFX)", DriverSettingKind.Text, string.Empty, Field(3)),
            new DriverSettingField("CertificateThumbprint", "Certificate thumbprint (LocalMachine\\My)", DriverSettingKind.Text, string.Empty, Field(4)),
            new DriverSettingField("MaxConnections", "Max connections", DriverSettingKind.Number, "64", Field(5), 1, 100000),
            new DriverSettingField("NewConnectionsPerSecond", "New connections per second per address", DriverSettingKind.Number, "10", Field(6), 1, 100000),
            new DriverSettingField("HandshakeTimeoutSeconds", "Handshake timeout (s)", DriverSettingKind.Number, "10", Field(7), 1, 3600),
            new DriverSettingField("VideoTimeoutSeconds", "No-video timeout (s)", DriverSettingKind.Number, "15", Field(8), 1, 3600),
            new DriverSettingField("StatusApiPort", "Status API port on 127.0.0.1 (0: none)", DriverSettingKind.Number, DriverSettings.DefaultStatusApiPort.ToString(CultureInfo.InvariantCulture), Field(9), 0, 65535),
        };

        /// <summary>The device id of camera <paramref name="device"/> (1–16).</summary>
        public static Guid DeviceId(int device) => DeviceIdSeries.Of('b', device);

        /// <summary>The device number (1–16) of a device id, or 0 when it is none of this driver's.</summary>
        public static int DeviceOf(string deviceId) => DeviceIdSeries.DeviceOf('b', deviceId);

        /// <summary>
        /// The settings the Recording Server's values stand for: a missing or unreadable value
        /// takes its default; <paramref name="password"/> (the hardware's, from Add Hardware) is
        /// the publish key of every device, and the certificate's password.
        /// </summary>
        public static DriverSettings Read(IEnumerable<KeyValuePair<string, string>> values, string? password)
        {
            var given = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var value in values ?? Array.Empty<KeyValuePair<string, string>>())
            {
                given[value.Key] = value.Value;
            }

            string Text(string key) => given.TryGetValue(key, out var text) && text != null ? text.Trim() : Default(key);
            int Number(string key) => int.TryParse(Text(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : int.Parse(Default(key), CultureInfo.InvariantCulture);
            return new DriverSettings
            {
                Port = Number("Port"),
                UseTls = bool.TryParse(Text("UseTls"), out var tls) && tls,
                CertificatePath = Text("CertificatePath").Length > 0 ? Text("CertificatePath") : null,
                CertificateThumbprint = Text("CertificateThumbprint").Length > 0 ? Text("CertificateThumbprint") : null,
                CertificatePassword = password,
                PublishKey = string.IsNullOrEmpty(password) ? null : password,
                MaxConnections = Number("MaxConnections"),
                NewConnectionsPerSecond = Number("NewConnectionsPerSecond"),
                HandshakeTimeoutSeconds = Number("HandshakeTimeoutSeconds"),
                VideoTimeoutSeconds = Number("VideoTimeoutSeconds"),
                StatusApiPort = Number("StatusApiPort"),
            };
        }

        /// <summary>
        /// The MAC address the hardware reports: the Recording Server tells hardware apart by it, so
        /// it is made from the address and port (a locally administered 02:…, the same every time).
        /// </summary>
        public static string MacAddress(string? host, int port)
        {
            using var sha = System.Security.Cryptography.SHA256.Create();
            var hash = sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes((host ?? string.Empty).ToLowerInvariant() + ":" + port.ToString(CultureInfo.InvariantCulture)));
            return string.Format(CultureInfo.InvariantCulture, "02:{0:X2}:{1:X2}:{2:X2}:{3:X2}:{4:X2}", hash[0], hash[1], hash[2], hash[3], hash[4]);
        }

        /// <summary>The serial number the hardware reports: the last six digits of its MAC address.</summary>
        public static string SerialNumber(string? host, int port) => MacAddress(host, port).Replace(":", string.Empty).Substring(6);

        private static string Default(string key)
        {
            foreach (var field in Fields)
            {
                if (field.Key == key)
                {
                    return field.DefaultValue;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(key), key, "No such setting.");
        }

        private static Guid Field(int n) => new Guid("6d1f3b2a-7c54-4e0b-9a31-52c0f1e8c" + n.ToString("x3", CultureInfo.InvariantCulture));
    }
}
