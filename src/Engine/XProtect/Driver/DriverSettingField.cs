using System;

namespace RtmpXProtect.Engine.XProtect.Driver
{
    /// <summary>What kind of field the Management Client shows for a hardware setting.</summary>
    public enum DriverSettingKind
    {
        /// <summary>A whole number between a minimum and a maximum.</summary>
        Number,

        /// <summary>On or off.</summary>
        Bool,

        /// <summary>Free text.</summary>
        Text,
    }

    /// <summary>One hardware setting of the driver as the Management Client shows it: its key, name, kind, range and default.</summary>
    public sealed class DriverSettingField
    {
        internal DriverSettingField(string key, string displayName, DriverSettingKind kind, string defaultValue, Guid referenceId, int min = 0, int max = 0)
        {
            Key = key;
            DisplayName = displayName;
            Kind = kind;
            DefaultValue = defaultValue;
            ReferenceId = referenceId;
            Min = min;
            Max = max;
        }

        /// <summary>The setting's key in the Recording Server's configuration.</summary>
        public string Key { get; }

        /// <summary>The label in the Management Client.</summary>
        public string DisplayName { get; }

        /// <summary>Number, on/off or text.</summary>
        public DriverSettingKind Kind { get; }

        /// <summary>The value a new hardware starts with.</summary>
        public string DefaultValue { get; }

        /// <summary>A fixed id the Recording Server knows the field by (stable across versions).</summary>
        public Guid ReferenceId { get; }

        /// <summary>The smallest number allowed (numbers only).</summary>
        public int Min { get; }

        /// <summary>The largest number allowed (numbers only).</summary>
        public int Max { get; }
    }
}
