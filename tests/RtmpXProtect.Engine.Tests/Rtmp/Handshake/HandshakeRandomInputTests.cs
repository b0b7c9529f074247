using System;
using System.Buffers;
using RtmpXProtect.Engine.Rtmp;
using RtmpXProtect.Engine.Rtmp.Handshake;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp.Handshake
{
    public class HandshakeRandomInputTests
    {
        [Fact]
        public void Random_input_to_the_server_fails_only_with_a_protocol_error()
        {
            var random = new Random(12345);
            for (int i = 0; i < 3000; i++)
            {
                var server = new ServerHandshake((uint)i, b => random.NextBytes(b));
                byte[] input = RandomInput(random);
                var output = new ArrayBufferWriter<byte>();
                try
                {
                    int offset = 0;
                    while (offset < input.Length)
                    {
                        int take = Math.Min(input.Length - offset, 1 + random.Next(2000));
                        var status = server.Process(input.AsSpan(offset, take), output, out int consumed);
                        Assert.InRange(consumed, 0, take);
                        Assert.True(status == HandshakeStatus.Completed || consumed == take);
                        offset += take;
                    }
                }
                catch (RtmpProtocolException)
                {
                }
            }
        }

        [Fact]
        public void Random_input_to_the_client_fails_only_with_a_protocol_error()
        {
            var random = new Random(54321);
            for (int i = 0; i < 3000; i++)
            {
                var client = new ClientHandshake((uint)i, b => random.NextBytes(b));
                var output = new ArrayBufferWriter<byte>();
                client.Start(output);
                byte[] input = RandomInput(random);
                try
                {
                    int offset = 0;
                    while (offset < input.Length)
                    {
                        int take = Math.Min(input.Length - offset, 1 + random.Next(2000));
                        var status = client.Process(input.AsSpan(offset, take), output, out int consumed);
                        Assert.InRange(consumed, 0, take);
                        Assert.True(status == HandshakeStatus.Completed || consumed == take);
                        offset += take;
                    }
                }
                catch (RtmpProtocolException)
                {
                }
            }
        }

        // Mostly starts with version 3 so the packets behind it get exercised too, and sometimes
        // carries a nonzero version so the digest search runs over random bytes.
        private static byte[] RandomInput(Random random)
        {
            var input = new byte[random.Next(0, 3 * 1537)];
            random.NextBytes(input);
            if (input.Length > 0 && random.Next(4) != 0)
            {
                input[0] = 3;
            }

            return input;
        }
    }
}
