using System;

namespace RtmpXProtect.Engine.XProtect.Driver
{
    /// <summary>
    /// The microphone beside each camera: device n's AAC audio as an XProtect microphone of its
    /// own, as MIP drivers declare audio (a MicrophoneDeviceDefinition per channel), with
    /// fixed ids like the cameras'.
    /// </summary>
    public static class DriverMicrophone
    {
        /// <summary>The reference id of a microphone's one audio stream.</summary>
        public static readonly Guid AudioStreamId = new Guid("6d1f3b2a-7c54-4e0b-9a31-52c0f1e8a006");

        /// <summary>The device id of microphone <paramref name="device"/> (1–16), the one beside camera <paramref name="device"/>.</summary>
        public static Guid DeviceId(int device) => DeviceIdSeries.Of('d', device);

        /// <summary>The device number (1–16) of a microphone id, or 0 when it is none of this driver's microphones.</summary>
        public static int DeviceOf(string deviceId) => DeviceIdSeries.DeviceOf('d', deviceId);
    }
}
