using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.XProtect.Driver;
using VideoOS.Platform.DriverFramework.Definitions;
using VideoOS.Platform.DriverFramework.Managers;

namespace RtmpXProtect.Driver
{
    /// <summary>What the hardware is: its product, its settings and fields, its 16 cameras with their events and a microphone beside each.</summary>
    public sealed class RtmpXProtectConfigurationManager : ConfigurationManager
    {
        private readonly RtmpXProtectContainer _container;

        /// <summary>Creates the manager of <paramref name="container"/>'s hardware.</summary>
        public RtmpXProtectConfigurationManager(RtmpXProtectContainer container)
            : base(container)
        {
            _container = container;
        }

        /// <inheritdoc />
        protected override ProductInformation FetchProductInformation()
        {
            var version = _container.Definition.DriverInfo.Version;
            return new ProductInformation
            {
                ProductId = DriverHardware.ProductId,
                ProductName = "RtmpXProtect RTMP(S) server",
                ProductVersion = version,
                Firmware = "RtmpXProtect",
                FirmwareVersion = version,
                HardwareName = "RtmpXProtect",
                MacAddress = DriverHardware.MacAddress(_container.HardwareUri?.Host, _container.HardwareUri?.Port ?? 0),
                SerialNumber = DriverHardware.SerialNumber(_container.HardwareUri?.Host, _container.HardwareUri?.Port ?? 0),
            };
        }

        /// <inheritdoc />
        protected override IDictionary<string, string> BuildHardwareSettings() =>
            DriverHardware.Fields.ToDictionary(f => f.Key, f => f.Key == "Port" && _container.HardwareUri?.Port > 0 ? _container.HardwareUri.Port.ToString() : f.DefaultValue);

        /// <inheritdoc />
        protected override ICollection<ISetupField> BuildFields() => DriverHardware.Fields.Select(Field).ToList();

        /// <inheritdoc />
        protected override ICollection<DeviceDefinitionBase> BuildDevices() =>
            Enumerable.Range(1, DriverSettings.DeviceCount).SelectMany(device => new[] { Camera(device), Microphone(device) }).ToList();

        private static DeviceDefinitionBase Camera(int device) => new CameraDeviceDefinition
        {
            DisplayName = "Stream " + device,
            DeviceId = DriverHardware.DeviceId(device).ToString(),
            Settings = new Dictionary<string, string>(),
            Streams = new List<StreamDefinition> { new StreamDefinition { DisplayName = "Video", ReferenceId = DriverHardware.VideoStreamId.ToString(), Settings = new Dictionary<string, string>(), RemotePlaybackSupport = false } },
            DeviceEvents = new List<EventDefinition>
            {
                new EventDefinition { ReferenceId = DriverHardware.StreamStartedEvent, DisplayName = "RTMP Stream Started", NameReferenceId = DriverHardware.StreamStartedEvent, CounterReferenceId = DriverHardware.StreamStartedEvent },
                new EventDefinition { ReferenceId = DriverHardware.StreamStoppedEvent, DisplayName = "RTMP Stream Stopped", NameReferenceId = DriverHardware.StreamStoppedEvent, CounterReferenceId = DriverHardware.StreamStartedEvent },
            },
        };

        private static DeviceDefinitionBase Microphone(int device) => new MicrophoneDeviceDefinition
        {
            DisplayName = "Stream " + device + " audio",
            DeviceId = DriverMicrophone.DeviceId(device).ToString(),
            Settings = new Dictionary<string, string>(),
            Streams = new List<StreamDefinition> { new StreamDefinition { DisplayName = "Audio", ReferenceId = DriverMicrophone.AudioStreamId.ToString(), Settings = new Dictionary<string, string>(), RemotePlaybackSupport = false } },
        };

        private static ISetupField Field(DriverSettingField field)
        {
            switch (field.Kind)
            {
                case DriverSettingKind.Number:
                    return new NumberSetupField { Key = field.Key, DisplayName = field.DisplayName, ReferenceId = field.ReferenceId, MinValue = field.Min, MaxValue = field.Max, Resolution = 1, DefaultValue = int.Parse(field.DefaultValue) };
                case DriverSettingKind.Bool:
                    return new BoolSetupField { Key = field.Key, DisplayName = field.DisplayName, ReferenceId = field.ReferenceId, DefaultValue = bool.Parse(field.DefaultValue) };
                default:
                    return new StringSetupField { Key = field.Key, DisplayName = field.DisplayName, ReferenceId = field.ReferenceId, DefaultValue = field.DefaultValue };
            }
        }
    }
}
