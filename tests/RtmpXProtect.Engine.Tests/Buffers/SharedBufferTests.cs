using System;
using RtmpXProtect.Engine.Buffers;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Buffers
{
    public class SharedBufferTests
    {
        [Fact]
        public void The_array_goes_back_when_the_last_holder_releases_it()
        {
            var buffer = new SharedBuffer(10_000);
            Assert.True(buffer.Array.Length >= 10_000);
            Assert.Equal(10_000, buffer.Length);
            buffer.Retain();
            buffer.Retain();

            buffer.Release();
            buffer.Release();
            Assert.NotNull(buffer.Array);

            buffer.Release();
            Assert.Throws<ObjectDisposedException>(() => buffer.Array);
        }

        [Fact]
        public void Retaining_a_returned_buffer_or_releasing_it_once_more_throws()
        {
            var buffer = new SharedBuffer(100);
            buffer.Release();
            Assert.Throws<InvalidOperationException>(() => buffer.Retain());

            var other = new SharedBuffer(100);
            other.Release();
            Assert.Throws<InvalidOperationException>(() => other.Release());
        }
    }
}
