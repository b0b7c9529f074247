using RtmpXProtect.Engine.Rtmp.Commands;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Rtmp.Commands
{
    public class StreamNameTests
    {
        [Theory]
        [InlineData("cam1", "cam1", "")]
        [InlineData("cam1?key=secret", "cam1", "key=secret")]
        [InlineData("cam1?", "cam1", "")]
        [InlineData("?key=1", "", "key=1")]
        [InlineData("a?b?c", "a", "b?c")]
        [InlineData("", "", "")]
        [InlineData(null, "", "")]
        public void Parse_splits_name_and_query_at_the_first_question_mark(string? raw, string name, string query)
        {
            var parsed = StreamName.Parse(raw);
            Assert.Equal(name, parsed.Name);
            Assert.Equal(query, parsed.Query);
        }

        [Fact]
        public void ToString_masks_the_query()
        {
            var parsed = StreamName.Parse("cam1?key=supersecret");
            Assert.Equal("cam1?****", parsed.ToString());
            Assert.DoesNotContain("supersecret", parsed.ToString());
            Assert.DoesNotContain("supersecret", $"{parsed}");
        }

        [Fact]
        public void ToString_of_a_name_without_query_is_the_name()
        {
            Assert.Equal("cam1", StreamName.Parse("cam1").ToString());
        }

        [Fact]
        public void Names_are_equal_when_name_and_query_are()
        {
            Assert.Equal(StreamName.Parse("a?b"), new StreamName("a", "b"));
            Assert.NotEqual(StreamName.Parse("a?b"), StreamName.Parse("a?c"));
            Assert.NotEqual(StreamName.Parse("A"), StreamName.Parse("a"));
            Assert.Equal(StreamName.Parse("a?b").GetHashCode(), new StreamName("a", "b").GetHashCode());
        }
    }
}
