using System;
using System.Buffers;
using System.IO;
using RtmpXProtect.Engine.Media;
using RtmpXProtect.Engine.Media.Aac;
using RtmpXProtect.Engine.Media.Avc;
using RtmpXProtect.Engine.Media.Flv;
using RtmpXProtect.Engine.Media.Hevc;
using RtmpXProtect.Engine.Media.Nal;
using Xunit;
using static RtmpXProtect.Engine.Tests.Media.MediaVectors;

namespace RtmpXProtect.Engine.Tests.Media
{
    /// <summary>
    /// Random and mutated bytes through every parser: only <see cref="MediaFormatException"/> may
    /// escape (TryParse and Describe nothing at all), never IndexOutOfRange, NullReference,
    /// Overflow or OutOfMemory.
    /// </summary>
    public class HostileInputTests
    {
        private const int Rounds = 3000;

        [Fact]
        public void Random_bytes_only_ever_raise_the_documented_exception()
        {
            var random = new Random(20240601);
            for (int round = 0; round < Rounds; round++)
            {
                var bytes = new byte[random.Next(0, 64)];
                random.NextBytes(bytes);
                Feed(bytes);
            }
        }

        [Fact]
        public void Mutated_real_vectors_only_ever_raise_the_documented_exception()
        {
            var seeds = new[]
            {
                Hex(AvcSequenceHeaderTag720), Hex(AvcSps720), Hex(AvcSps444), Hex(HevcSps720), Hex(HevcSpsMain10),
                Hex(HevcRecord1080).AsSpan(0, 140).ToArray(), Hex(AacSequenceHeaderTag48kStereo),
            };
            var random = new Random(77);
            for (int round = 0; round < Rounds; round++)
            {
                var bytes = (byte[])seeds[round % seeds.Length].Clone();
                int flips = random.Next(1, 4);
                for (int i = 0; i < flips; i++)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                Feed(bytes);
                Feed(bytes.AsSpan(1).ToArray());
                Feed(bytes.AsSpan(5).ToArray());
            }
        }

        [Fact]
        public void Mutated_flv_files_only_ever_raise_the_documented_exception()
        {
            var file = Convert.FromBase64String(SmallFlvBase64);
            var random = new Random(99);
            for (int round = 0; round < 500; round++)
            {
                var bytes = (byte[])file.Clone();
                for (int i = 0; i < 3; i++)
                {
                    bytes[random.Next(Math.Min(bytes.Length, 400))] = (byte)random.Next(256);
                }

                try
                {
                    var reader = new FlvReader(new MemoryStream(bytes), new WireLimits { MaxFlvTagSize = 65536 });
                    while (reader.ReadTag() != null)
                    {
                    }
                }
                catch (MediaFormatException)
                {
                }
            }
        }

        [Fact]
        public void Exception_messages_never_carry_payload_bytes()
        {
            var secret = new byte[] { 0x17, 0x00, 0, 0, 0, 1, 0x64, 0, 0x1F, 0xFF, 0xE1, 0x00, 0x20, 0x73, 0x65, 0x63, 0x72, 0x65, 0x74 };
            var error = Assert.Throws<MediaFormatException>(() => AvcDecoderConfigurationRecord.Parse(secret.AsSpan(5), WireLimits.Default));
            Assert.DoesNotContain("secret", error.Message);
            Assert.DoesNotContain("73", error.Message);
        }

        private static void Feed(byte[] bytes)
        {
            VideoTagHeader.TryParse(bytes, out _);
            AudioTagHeader.TryParse(bytes, out _);
            StreamDescription.DescribeVideo(bytes, WireLimits.Default);
            StreamDescription.DescribeAudio(bytes);
            Expect(() => AvcSps.Parse(bytes));
            Expect(() => AvcSps.Parse(Prefixed(0x67, bytes)));
            Expect(() => HevcSps.Parse(bytes));
            Expect(() => HevcSps.Parse(Prefixed(0x42, Prefixed(0x01, bytes))));
            Expect(() => AvcDecoderConfigurationRecord.Parse(bytes, WireLimits.Default));
            Expect(() => AvcDecoderConfigurationRecord.Parse(Prefixed(1, bytes), WireLimits.Default));
            Expect(() => HevcDecoderConfigurationRecord.Parse(bytes, WireLimits.Default));
            Expect(() => HevcDecoderConfigurationRecord.Parse(Prefixed(1, bytes), WireLimits.Default));
            Expect(() => AudioSpecificConfig.Parse(bytes));
            Expect(() => AnnexB.ToAnnexB(bytes, 4, new ArrayBufferWriter<byte>()));
            Expect(() => AnnexB.ToAnnexB(bytes, 2, new ArrayBufferWriter<byte>()));
            AnnexB.ToLengthPrefixed(bytes, new ArrayBufferWriter<byte>());
            Expect(() =>
            {
                var reader = new FlvReader(new MemoryStream(Prefixed((byte)'F', Prefixed((byte)'L', Prefixed((byte)'V', Prefixed(1, bytes))))), WireLimits.Default);
                while (reader.ReadTag() != null)
                {
                }
            });
        }

        private static byte[] Prefixed(byte first, byte[] rest)
        {
            var result = new byte[rest.Length + 1];
            result[0] = first;
            rest.CopyTo(result, 1);
            return result;
        }

        private static void Expect(Action parse)
        {
            try
            {
                parse();
            }
            catch (MediaFormatException)
            {
            }
        }
    }
}
