using System;
using System.Globalization;

namespace RtmpXProtect.Engine.Media.Aac
{
    /// <summary>
    /// An MPEG-4 AudioSpecificConfig (ISO 14496-3 §1.6.2.1): what an AAC sequence header
    /// carries — object type, sample rate and channel layout.
    /// </summary>
    public sealed class AudioSpecificConfig
    {
        private const int ExplicitRateIndex = 0xF;
        private const int SbrObjectType = 5;
        private const int PsObjectType = 29;

        private static readonly int[] Rates = { 96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350 };

        private AudioSpecificConfig(int objectType, int frequencyIndex, int sampleRate, int channelConfiguration, int extensionSampleRate)
        {
            ObjectType = objectType;
            SamplingFrequencyIndex = frequencyIndex;
            SampleRate = sampleRate;
            ChannelConfiguration = channelConfiguration;
            ExtensionSampleRate = extensionSampleRate;
        }

        /// <summary>audioObjectType (2 AAC-LC, 5 HE-AAC/SBR, 29 HE-AACv2/PS, values above 31 via the escape).</summary>
        public int ObjectType { get; }

        /// <summary>samplingFrequencyIndex; 15 means the rate was given explicitly.</summary>
        public int SamplingFrequencyIndex { get; }

        /// <summary>The core sample rate in Hz.</summary>
        public int SampleRate { get; }

        /// <summary>channelConfiguration (0 = defined in the stream, 1 mono, 2 stereo, …, 7 = 7.1).</summary>
        public int ChannelConfiguration { get; }

        /// <summary>The output rate of HE-AAC (SBR) signalled explicitly; 0 when not signalled.</summary>
        public int ExtensionSampleRate { get; }

        /// <summary>Channels the configuration implies (configuration 7 is 8 channels); 0 when defined in the stream.</summary>
        public int ChannelCount => ChannelConfiguration == 7 ? 8 : (ChannelConfiguration <= 6 ? ChannelConfiguration : 0);

        /// <summary>The object type's common name ("AAC-LC", "HE-AAC").</summary>
        public string ObjectTypeName
        {
            get
            {
                switch (ObjectType)
                {
                    case 1: return "AAC-Main";
                    case 2: return "AAC-LC";
                    case 3: return "AAC-SSR";
                    case 4: return "AAC-LTP";
                    case SbrObjectType: return "HE-AAC";
                    case 23: return "AAC-LD";
                    case PsObjectType: return "HE-AACv2";
                    case 39: return "AAC-ELD";
                    default: return "AAC object type " + ObjectType.ToString(CultureInfo.InvariantCulture);
                }
            }
        }

        /// <summary>
        /// Parses a config. Throws <see cref="MediaFormatException"/> when it is cut short or uses
        /// a reserved sample rate index or channel configuration.
        /// </summary>
        public static AudioSpecificConfig Parse(ReadOnlySpan<byte> data)
        {
            var reader = new BitReader(data);
            int objectType = ReadObjectType(ref reader);
            int index = (int)reader.ReadBits(4);
            int rate = ReadRate(ref reader, index);
            int channels = (int)reader.ReadBits(4);
            if (channels > 7)
            {
                throw new MediaFormatException($"AAC channel configuration {channels} is reserved.");
            }

            int extensionRate = 0;
            if (objectType == SbrObjectType || objectType == PsObjectType)
            {
                // §1.6.2.1 explicit hierarchical signalling: the extension rate, then the core object type.
                extensionRate = ReadRate(ref reader, (int)reader.ReadBits(4));
                ReadObjectType(ref reader);
            }

            return new AudioSpecificConfig(objectType, index, rate, channels, extensionRate);
        }

        /// <summary>
        /// Builds a 2-byte config (more for an escaped object type or a non-standard rate), as the
        /// streamer needs for the silent AAC track it adds to video-only sources. Channels are
        /// 1–6 or 8 (the layouts channelConfiguration can name); HE-AAC (5, 29) is refused.
        /// </summary>
        public static byte[] Create(int objectType, int sampleRate, int channels)
        {
            if (objectType < 1 || objectType > 95)
            {
                throw new ArgumentOutOfRangeException(nameof(objectType), objectType, "Object type must be 1–95.");
            }

            if (sampleRate < 1 || sampleRate > 0xFFFFFF)
            {
                throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "Sample rate must fit in 24 bits.");
            }

            if (objectType == SbrObjectType || objectType == PsObjectType)
            {
                throw new ArgumentException("HE-AAC needs explicit SBR/PS signalling, which Create does not build; use object type 2.", nameof(objectType));
            }

            int configuration = channels == 8 ? 7 : channels;
            if (channels < 1 || channels > 8 || channels == 7)
            {
                throw new ArgumentOutOfRangeException(nameof(channels), channels, "Channels must be 1–6 or 8.");
            }

            var writer = new BitWriter();
            if (objectType >= 31)
            {
                writer.Write(31, 5);
                writer.Write((uint)(objectType - 32), 6);
            }
            else
            {
                writer.Write((uint)objectType, 5);
            }

            int index = Array.IndexOf(Rates, sampleRate);
            if (index >= 0)
            {
                writer.Write((uint)index, 4);
            }
            else
            {
                writer.Write(ExplicitRateIndex, 4);
                writer.Write((uint)sampleRate, 24);
            }

            writer.Write((uint)configuration, 4);
            writer.Write(0, 3); // GASpecificConfig: frameLengthFlag, dependsOnCoreCoder, extensionFlag
            return writer.ToArray();
        }

        /// <summary>"AAC-LC 48000 Hz stereo", for logs and the stream description.</summary>
        public override string ToString() =>
            ObjectTypeName + " " + (ExtensionSampleRate != 0 ? ExtensionSampleRate : SampleRate).ToString(CultureInfo.InvariantCulture) + " Hz " + ChannelText(ChannelCount);

        internal static string ChannelText(int channels)
        {
            switch (channels)
            {
                case 0: return "channels in stream";
                case 1: return "mono";
                case 2: return "stereo";
                case 6: return "5.1";
                case 8: return "7.1";
                default: return channels.ToString(CultureInfo.InvariantCulture) + " channels";
            }
        }

        private static int ReadObjectType(ref BitReader reader)
        {
            int objectType = (int)reader.ReadBits(5);
            if (objectType == 31)
            {
                objectType = 32 + (int)reader.ReadBits(6);
            }

            if (objectType == 0)
            {
                throw new MediaFormatException("AAC object type 0 is not valid.");
            }

            return objectType;
        }

        private static int ReadRate(ref BitReader reader, int index)
        {
            if (index == ExplicitRateIndex)
            {
                int rate = (int)reader.ReadBits(24);
                if (rate == 0)
                {
                    throw new MediaFormatException("AAC explicit sample rate is 0.");
                }

                return rate;
            }

            if (index >= Rates.Length)
            {
                throw new MediaFormatException($"AAC sampling frequency index {index} is reserved.");
            }

            return Rates[index];
        }
    }
}
