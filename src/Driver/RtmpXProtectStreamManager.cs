using System;
using RtmpXProtect.Engine.XProtect.Driver;
using VideoOS.Platform.DriverFramework.Managers;

namespace RtmpXProtect.Driver
{
    /// <summary>A session per Recording Server stream request, each on its own device feed: a camera's video or its microphone's audio.</summary>
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
            int camera = DriverHardware.DeviceOf(deviceId);
            int microphone = DriverMicrophone.DeviceOf(deviceId);
            var driver = _container.Connection.Driver;
            if (camera == 0 && microphone == 0)
            {
                throw new InvalidOperationException("Not a device of this driver: " + deviceId);
            }

            if (driver == null)
            {
                throw new InvalidOperationException("The hardware is not connected.");
            }

            return camera != 0 ? new RtmpXProtectVideoSession(driver, camera) : (BaseStreamSession)new RtmpXProtectAudioSession(driver, microphone);
        }
    }
}
