using Xunit;

namespace RtmpXProtect.Engine.Tests.Performance
{
    /// <summary>
    /// Tests that read process-wide memory figures run alone: another test allocating at the same
    /// time would be counted against them.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class SoloCollection
    {
        public const string Name = "Process-wide memory measurements";
    }
}
