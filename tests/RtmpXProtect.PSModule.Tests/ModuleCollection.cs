using Xunit;

namespace RtmpXProtect.PSModule.Tests
{
    /// <summary>Shares one <see cref="BuiltModule"/> among the test classes that read it.</summary>
    [CollectionDefinition(Name)]
    public sealed class ModuleCollection : ICollectionFixture<BuiltModule>
    {
        public const string Name = "Built module";
    }
}
