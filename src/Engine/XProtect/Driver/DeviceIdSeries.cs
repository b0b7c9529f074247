using System;
using System.Globalization;

namespace RtmpXProtect.Engine.XProtect.Driver
{
    /// <summary>
    /// The fixed ids of one kind of device (cameras 'b', microphones 'd'), one per device number:
    /// fixed, so a Recording Server that re-reads the hardware keeps its devices and their recordings.
    /// </summary>
    internal static class DeviceIdSeries
    {
        /// <summary>Device <paramref name="device"/>'s id in series <paramref name="series"/>.</summary>
        public static Guid Of(char series, int device)
        {
            DriverSettings.PathOf(device);
            return new Guid("6d1f3b2a-7c54-4e0b-9a31-52c0f1e8" + series + device.ToString("x3", CultureInfo.InvariantCulture));
        }

        /// <summary>The device number (1–16) whose id in <paramref name="series"/> is <paramref name="deviceId"/>, or 0.</summary>
        public static int DeviceOf(char series, string deviceId)
        {
            if (Guid.TryParse(deviceId, out var id))
            {
                for (int device = 1; device <= DriverSettings.DeviceCount; device++)
                {
                    if (Of(series, device) == id)
                    {
                        return device;
                    }
                }
            }

            return 0;
        }
    }
}
