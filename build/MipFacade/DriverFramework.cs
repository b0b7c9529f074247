using System;
using System.Collections.Generic;
using System.Security;
using RtmpXProtect.Build.MipFacade;
using VideoOS.Platform.DriverFramework.Data.Settings;
using VideoOS.Platform.DriverFramework.Definitions;
using VideoOS.Platform.DriverFramework.Managers;

namespace VideoOS.Platform.DriverFramework
{
    [MipSource(Sources.Definition)]
    public abstract class DriverDefinition
    {
        [MipSource(Sources.Definition)] // derived with the base's parameterless constructor
        protected DriverDefinition() => throw null;

        [MipSource(Sources.Configuration)] // Container.Definition.DriverInfo
        public DriverInfo DriverInfo => throw null;

        [MipSource(Sources.Definition)]
        protected abstract Container CreateContainer(Uri uri, string userName, SecureString password, ICollection<HardwareSetting> hardwareSettings);

        [MipSource(Sources.Definition)]
        protected abstract DriverInfo CreateDriverInfo();
    }

    [MipSource(Sources.Container)]
    public class Container
    {
        [MipSource(Sources.Container)]
        public Container(DriverDefinition definition) => throw null;

        [MipSource(Sources.Configuration)]
        public DriverDefinition Definition => throw null;

        [MipSource(Sources.Container)]
        public ConnectionManager ConnectionManager { get => throw null; protected set => throw null; }

        [MipSource(Sources.Container)]
        public StreamManager StreamManager { get => throw null; protected set => throw null; }

        [MipSource(Sources.Container)]
        public ConfigurationManager ConfigurationManager { get => throw null; protected set => throw null; }

        [MipSource(Sources.Streams)]
        public ISettingsManager SettingsManager => throw null;

        [MipSource(Sources.Streams)]
        public IEventManager EventManager => throw null;
    }
}

namespace VideoOS.Platform.DriverFramework.Managers
{
    [MipSource(Sources.Connection)]
    public abstract class ConnectionManager
    {
        [MipSource(Sources.Connection)]
        protected ConnectionManager(Container container) => throw null;

        [MipSource(Sources.Connection)]
        public abstract void Connect(Uri uri, string userName, SecureString password, ICollection<HardwareSetting> hardwareSettings);

        [MipSource(Sources.Connection)]
        public abstract void Close();

        [MipSource(Sources.Connection)]
        public abstract bool IsConnected { get; }
    }

    [MipSource(Sources.Configuration)]
    public abstract class ConfigurationManager
    {
        [MipSource(Sources.Configuration)]
        protected ConfigurationManager(Container container) => throw null;

        [MipSource(Sources.Configuration)]
        protected Container Container => throw null;

        [MipSource(Sources.Configuration)]
        protected abstract ProductInformation FetchProductInformation();

        [MipSource(Sources.Configuration)]
        protected abstract IDictionary<string, string> BuildHardwareSettings();

        [MipSource(Sources.Configuration)]
        protected abstract ICollection<ISetupField> BuildFields();

        [MipSource(Sources.Configuration)]
        protected abstract ICollection<DeviceDefinitionBase> BuildDevices();
    }

    [MipSource(Sources.Streams)]
    public abstract class StreamManager
    {
    }

    [MipSource(Sources.Streams)]
    public abstract class SessionEnabledStreamManager : StreamManager
    {
        [MipSource(Sources.Streams)]
        protected SessionEnabledStreamManager(Container container) => throw null;

        [MipSource(Sources.Streams)]
        protected Container Container => throw null;

        [MipSource(Sources.Streams)]
        protected abstract BaseStreamSession CreateSession(string deviceId, Guid streamId, Guid sessionId);
    }

    [MipSource(Sources.Reference)]
    public abstract class BaseStreamSession
    {
        [MipSource(Sources.Session)] // derived with the base's parameterless constructor
        protected BaseStreamSession() => throw null;

        [MipSource(Sources.Reference)]
        public abstract bool GetLiveFrame(TimeSpan timeout, out Data.BaseDataHeader header, out byte[] data);

        [MipSource(Sources.Reference)]
        public abstract void Close();
    }

    [MipSource(Sources.Video)]
    public interface ISettingsManager
    {
        [MipSource(Sources.Video)]
        HardwareSetting GetSetting(HardwareSetting setting);

        [MipSource(Sources.Video)]
        event EventHandler<SettingsChangedEventArgs> OnSettingsChanged;
    }

    [MipSource(Sources.Video)]
    public interface IEventManager
    {
        [MipSource(Sources.Video)]
        void NewEvent(string deviceId, Guid eventReferenceId);
    }
}

namespace VideoOS.Platform.DriverFramework.Data
{
    [MipSource(Sources.Reference)]
    public abstract class BaseDataHeader
    {
    }

    [MipSource(Sources.Video)]
    public class VideoHeader : BaseDataHeader
    {
        [MipSource(Sources.Video)]
        public VideoHeader() => throw null;

        [MipSource(Sources.Video)]
        public VideoCodecType CodecType { get => throw null; set => throw null; }

        [MipSource(Sources.Video)]
        public ulong Length { get => throw null; set => throw null; }

        [MipSource(Sources.Video)]
        public int SequenceNumber { get => throw null; set => throw null; }

        [MipSource(Sources.Video)]
        public bool SyncFrame { get => throw null; set => throw null; }

        [MipSource(Sources.Video)]
        public DateTime TimestampSync { get => throw null; set => throw null; }

        [MipSource(Sources.Video)]
        public DateTime TimestampFrame { get => throw null; set => throw null; }
    }

    [MipSource(Sources.Audio)]
    public class AudioHeader : BaseDataHeader
    {
        [MipSource(Sources.Audio)]
        public AudioHeader() => throw null;

        [MipSource(Sources.Audio)] // 18 is AACMPEG4 (mscp's Rtsp/RtspClientWorker.cs, MapAudioCodec)
        public uint CodecType { get => throw null; set => throw null; }

        [MipSource(Sources.Audio)]
        public uint CodecSubtype { get => throw null; set => throw null; }

        [MipSource(Sources.Audio)]
        public DateTime Timestamp { get => throw null; set => throw null; }

        [MipSource(Sources.Audio)]
        public int ChannelCount { get => throw null; set => throw null; }

        [MipSource(Sources.Audio)]
        public int BitsPerSample { get => throw null; set => throw null; }

        [MipSource(Sources.Audio)]
        public int Frequency { get => throw null; set => throw null; }

        [MipSource(Sources.Audio)]
        public int SampleCount { get => throw null; set => throw null; }

        [MipSource(Sources.Audio)]
        public ulong Length { get => throw null; set => throw null; }

        [MipSource(Sources.Audio)]
        public int SequenceNumber { get => throw null; set => throw null; }
    }

    [MipSource(Sources.Video)]
    public enum VideoCodecType
    {
        [MipSource(Sources.Video)]
        H264,

        [MipSource(Sources.Hevc)]
        H265,
    }
}

namespace VideoOS.Platform.DriverFramework.Data.Settings
{
    [MipSource(Sources.Connection)]
    public class HardwareSetting
    {
        [MipSource(Sources.Video)]
        public HardwareSetting(string key, string value) => throw null;

        [MipSource(Sources.Connection)]
        public string Key => throw null;

        [MipSource(Sources.Connection)]
        public string Value => throw null;
    }

    [MipSource(Sources.Video)]
    public class SettingsChangedEventArgs : EventArgs
    {
        [MipSource(Sources.Video)]
        public ICollection<HardwareSetting> Settings => throw null;
    }
}

namespace VideoOS.Platform.DriverFramework.Definitions
{
    [MipSource(Sources.Definition)]
    public class DriverInfo
    {
        [MipSource(Sources.Definition)]
        public DriverInfo(Guid id, string name, string groupName, string version, ProductDefinition[] supportedProducts) => throw null;

        [MipSource(Sources.Configuration)]
        public string Version => throw null;
    }

    [MipSource(Sources.Constants)]
    public class ProductDefinition
    {
        [MipSource(Sources.Constants)]
        public ProductDefinition() => throw null;

        [MipSource(Sources.Constants)]
        public Guid Id { get => throw null; set => throw null; }

        [MipSource(Sources.Constants)]
        public string Name { get => throw null; set => throw null; }
    }

    [MipSource(Sources.Configuration)]
    public class ProductInformation
    {
        [MipSource(Sources.Configuration)]
        public ProductInformation() => throw null;

        [MipSource(Sources.Configuration)]
        public Guid ProductId { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public string ProductName { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public string ProductVersion { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public string MacAddress { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public string FirmwareVersion { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public string Firmware { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public string HardwareName { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public string SerialNumber { get => throw null; set => throw null; }
    }

    [MipSource(Sources.Configuration)]
    public interface ISetupField
    {
    }

    [MipSource(Sources.Configuration)]
    public class NumberSetupField : ISetupField
    {
        [MipSource(Sources.Configuration)]
        public NumberSetupField() => throw null;

        [MipSource(Sources.Configuration)]
        public string Key { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public string DisplayName { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public Guid ReferenceId { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public double MinValue { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public double MaxValue { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public double Resolution { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public double DefaultValue { get => throw null; set => throw null; }
    }

    [MipSource(Sources.Configuration)]
    public class BoolSetupField : ISetupField
    {
        [MipSource(Sources.Configuration)]
        public BoolSetupField() => throw null;

        [MipSource(Sources.Configuration)]
        public string Key { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public string DisplayName { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public Guid ReferenceId { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public bool DefaultValue { get => throw null; set => throw null; }
    }

    [MipSource(Sources.Configuration)]
    public class StringSetupField : ISetupField
    {
        [MipSource(Sources.Configuration)]
        public StringSetupField() => throw null;

        [MipSource(Sources.Configuration)]
        public string Key { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public string DisplayName { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public Guid ReferenceId { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public string DefaultValue { get => throw null; set => throw null; }
    }

    [MipSource(Sources.Configuration)]
    public abstract class DeviceDefinitionBase
    {
    }

    [MipSource(Sources.Configuration)]
    public class CameraDeviceDefinition : DeviceDefinitionBase
    {
        [MipSource(Sources.Configuration)]
        public CameraDeviceDefinition() => throw null;

        [MipSource(Sources.Configuration)]
        public string DisplayName { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public string DeviceId { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public Dictionary<string, string> Settings { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public ICollection<StreamDefinition> Streams { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public ICollection<EventDefinition> DeviceEvents { get => throw null; set => throw null; }
    }

    [MipSource(Sources.Microphones)]
    public class MicrophoneDeviceDefinition : DeviceDefinitionBase
    {
        [MipSource(Sources.Microphones)]
        public MicrophoneDeviceDefinition() => throw null;

        [MipSource(Sources.Microphones)]
        public string DisplayName { get => throw null; set => throw null; }

        [MipSource(Sources.Microphones)]
        public string DeviceId { get => throw null; set => throw null; }

        [MipSource(Sources.Microphones)]
        public Dictionary<string, string> Settings { get => throw null; set => throw null; }

        [MipSource(Sources.Microphones)]
        public ICollection<StreamDefinition> Streams { get => throw null; set => throw null; }
    }

    [MipSource(Sources.Configuration)]
    public class StreamDefinition
    {
        [MipSource(Sources.Configuration)]
        public StreamDefinition() => throw null;

        [MipSource(Sources.Configuration)]
        public string DisplayName { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public string ReferenceId { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public Dictionary<string, string> Settings { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public bool RemotePlaybackSupport { get => throw null; set => throw null; }
    }

    [MipSource(Sources.Configuration)]
    public class EventDefinition
    {
        [MipSource(Sources.Configuration)]
        public EventDefinition() => throw null;

        [MipSource(Sources.Configuration)]
        public Guid ReferenceId { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public string DisplayName { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public Guid NameReferenceId { get => throw null; set => throw null; }

        [MipSource(Sources.Configuration)]
        public Guid CounterReferenceId { get => throw null; set => throw null; }
    }
}
