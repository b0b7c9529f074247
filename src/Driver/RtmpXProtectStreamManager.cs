using System;
using RtmpXProtect.Engine.XProtect.Driver;
using VideoOS.Platform.DriverFramework.Managers;

namespace RtmpXProtect.Driver
{
    /// <summary>A session per Recording Server stream request, each on its own device feed.</summary>
    public sealed class RtmpXProtectStreamManager : SessionEnabledStreamManager
    {
        private readonly RtmpXProtectContainer _container;

        /// <summary>Creates the manager of <paramref name="container"/>'s hardware.</summary>
        public RtmpXProtectStreamManager(RtmpXProtectContainer container)
            : base(container)
        {
            _container = container;
        }

        /// <inheritdoc />
        protected override BaseStreamSession CreateSession(string deviceId, Guid streamId, Guid sessionId)
        {
            int device = DriverHardware.DeviceOf(deviceId);
            var driver = _container.Connection.Driver;
            if (device == 0 || driver == null)
            {
                throw new InvalidOperationException(device == 0 ? "Not a device of this driver: " + deviceId : "The hardware is not connected.");
            }

            return new RtmpXProtectVideoSession(driver, device);
        }
    }
}
