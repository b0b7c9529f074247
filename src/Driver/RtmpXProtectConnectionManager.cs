using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Runtime.InteropServices;
using System.Security;
using RtmpXProtect.Engine.XProtect.Driver;
using VideoOS.Platform.DriverFramework.Data.Settings;
using VideoOS.Platform.DriverFramework.Managers;

namespace RtmpXProtect.Driver
{
    /// <summary>
    /// Starts the engine's driver on Connect and stops it on Close; device events go to the
    /// Recording Server as they come, and a settings change is applied without a restart.
    /// </summary>
    public sealed class RtmpXProtectConnectionManager : ConnectionManager
    {
        private readonly RtmpXProtectContainer _container;
        private string _password;
        private bool _watchingSettings;

        /// <summary>Creates the manager of <paramref name="container"/>'s hardware.</summary>
        public RtmpXProtectConnectionManager(RtmpXProtectContainer container)
            : base(container)
        {
            _container = container;
        }

        /// <summary>The engine's driver while connected.</summary>
        internal RtmpDriver Driver { get; private set; }

        /// <inheritdoc />
        public override bool IsConnected => Driver != null;

        /// <inheritdoc />
        public override void Connect(Uri uri, string userName, SecureString password, ICollection<HardwareSetting> hardwareSettings)
        {
            if (Driver != null)
            {
                return;
            }

            _password = Reveal(password);
            Driver = RtmpDriver.Start(Read(hardwareSettings), null, IPAddress.Any);
            Driver.DeviceEvent += e => _container.EventManager.NewEvent(
                DriverHardware.DeviceId(e.Device).ToString(), e.Started ? DriverHardware.StreamStartedEvent : DriverHardware.StreamStoppedEvent);
            if (!_watchingSettings)
            {
                // Once per manager: a Connect after a Close must not apply each change twice.
                _watchingSettings = true;
                _container.SettingsManager.OnSettingsChanged += (_, changed) => Apply();
            }
        }

        /// <inheritdoc />
        public override void Close()
        {
            var driver = Driver;
            Driver = null;
            driver?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        // Every setting read again through the settings manager: the change event names only what changed.
        private void Apply()
        {
            var values = DriverHardware.Fields.Select(f => new KeyValuePair<string, string>(f.Key, _container.SettingsManager.GetSetting(new HardwareSetting(f.Key, f.DefaultValue))?.Value));
            Driver?.ApplySettings(DriverHardware.Read(values, _password));
        }

        private DriverSettings Read(ICollection<HardwareSetting> settings) =>
            DriverHardware.Read((settings ?? new List<HardwareSetting>()).Select(s => new KeyValuePair<string, string>(s.Key, s.Value)), _password);

        private static string Reveal(SecureString secret)
        {
            if (secret == null)
            {
                return null;
            }

            var pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
            try
            {
                return Marshal.PtrToStringUni(pointer);
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
