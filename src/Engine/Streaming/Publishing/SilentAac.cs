using System;
using RtmpXProtect.Engine.Media.Aac;

namespace RtmpXProtect.Engine.Streaming.Publishing
{
    /// <summary>
    /// A silent AAC-LC track as FLV audio bodies. The raw frames are what FFmpeg's native AAC
    /// encoder writes for digital silence, taken once with
    /// <c>ffmpeg -f lavfi -i anullsrc=r=48000:cl=stereo -t 1 -c:a aac -f adts s.aac</c> (ADTS headers
    /// stripped; the same bytes come out at 44.1 kHz and for cl=mono below): one long window with
    /// max_sfb 0 and no spectral data, so they carry no sample-rate field and decode at any rate.
    /// </summary>
    internal static class SilentAac
    {
        /// <summary>Samples per AAC-LC frame (ISO 14496-3, 1024-sample frame length).</summary>
        public const int SamplesPerFrame = 1024;

        private static readonly byte[] Stereo = { 0x21, 0x10, 0x04, 0x60, 0x8C, 0x1C };
        private static readonly byte[] Mono = { 0x01, 0x18, 0x20, 0x07 };

        /// <summary>The FLV audio sequence header: AudioSpecificConfig for AAC-LC at the rate and channel count.</summary>
        public static byte[] SequenceHeader(int sampleRate, int channels)
        {
            var config = AudioSpecificConfig.Create(2, sampleRate, channels);
            var body = new byte[2 + config.Length];
            body[0] = TagByte(channels);
            body[1] = 0;
            config.CopyTo(body, 2);
            return body;
        }

        /// <summary>One silent raw AAC frame as an FLV audio body.</summary>
        public static byte[] Frame(int channels)
        {
            var raw = channels switch
            {
                1 => Mono,
                2 => Stereo,
                _ => throw new ArgumentOutOfRangeException(nameof(channels), channels, "Silent AAC is mono or stereo."),
            };
            var body = new byte[2 + raw.Length];
            body[0] = TagByte(channels);
            body[1] = 1;
            raw.CopyTo(body, 2);
            return body;
        }

        // FLV: AAC (10) << 4 | 44 kHz | 16-bit | stereo or mono; decoders read the real values from the config.
        private static byte TagByte(int channels) => channels == 1 ? (byte)0xAE : (byte)0xAF;
    }
}
