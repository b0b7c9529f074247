using System;
using System.Globalization;

namespace RtmpXProtect.Engine.XProtect.Driver
{
    /// <summary>
    /// The microphone beside each camera: device n's AAC audio as an XProtect microphone of its
    /// own, as MIP drivers declare audio (a MicrophoneDeviceDefinition per channel). Its ids are
    /// fixed like the cameras', so a Recording Server that re-reads the hardware keeps its
    /// microphones and their recordings.
    /// </summary>
    public static class DriverMicrophone
    {
        /// <summary>The reference id of a microphone's one audio stream.</summary>
        public static readonly Guid AudioStreamId = new Guid("6d1f3b2a-7c54-4e0b-9a31-52c0f1e8a006");

        /// <summary>The device id of microphone <paramref name="device"/> (1–16), the one beside camera <paramref name="device"/>.</summary>
        public static Guid DeviceId(int device)
        {
            DriverSettings.PathOf(device);
            return new Guid("6d1f3b2a-7c54-4e0b-9a31-52c0f1e8d" + device.ToString("x3", CultureInfo.InvariantCulture));
        }

        /// <summary>The device number (1–16) of a microphone id, or 0 when it is none of this driver's microphones.</summary>
        public static int DeviceOf(string deviceId)
        {
            if (Guid.TryParse(deviceId, out var id))
            {
                for (int device = 1; device <= DriverSettings.DeviceCount; device++)
                {
                    if (DeviceId(device) == id)
                    {
                        return device;
                    }
                }
            }

            return 0;
        }
    }
}
