using RtmpXProtect.Engine.Streaming;
using RtmpXProtect.Engine.Streaming.Running;
using RtmpXProtect.Engine.XProtect.Plugin;
using Xunit;

namespace RtmpXProtect.Engine.Tests.XProtect.Plugin
{
    public class ItemStateMapperTests
    {
        [Theory]
        [InlineData(StreamerState.Streaming, ItemOperationalState.Ok)]
        [InlineData(StreamerState.Starting, ItemOperationalState.Warning)]
        [InlineData(StreamerState.Connecting, ItemOperationalState.Warning)]
        [InlineData(StreamerState.Reconnecting, ItemOperationalState.Warning)]
        [InlineData(StreamerState.Error, ItemOperationalState.Error)]
        [InlineData(StreamerState.Disabled, ItemOperationalState.Disabled)]
        public void Each_stream_state_maps_to_its_item_state(StreamerState stream, ItemOperationalState item)
            => Assert.Equal(item, ItemStateMapper.From(new StreamerStatus { State = stream }).State);

        [Fact]
        public void An_error_carries_its_reason()
            => Assert.Equal("source stalled", ItemStateMapper.From(new StreamerStatus { State = StreamerState.Error, Reason = "source stalled" }).Reason);

        [Fact]
        public void Streaming_with_one_destination_down_is_a_warning_naming_it()
        {
            var state = ItemStateMapper.From(new StreamerStatus
            {
                State = StreamerState.Streaming,
                Destinations = new[]
                {
                    new DestinationStatus { Destination = "rtmp://a:1935/live/****", State = StreamerState.Streaming },
                    new DestinationStatus { Destination = "rtmp://b:1935/live/****", State = StreamerState.Reconnecting, LastError = "connection refused" },
                },
            });

            Assert.Equal(ItemOperationalState.Warning, state.State);
            Assert.Equal("rtmp://b:1935/live/****: connection refused", state.Reason);
        }
    }
}
