namespace RtmpXProtect.Engine.XProtect.Plugin
{
    /// <summary>One broken rule of an item: the property and what is wrong, never its value (it may be a URL).</summary>
    public sealed class PluginPropertyError
    {
        /// <summary>Creates an error.</summary>
        public PluginPropertyError(string property, string rule)
        {
            Property = property;
            Rule = rule;
        }

        /// <summary>The property (<see cref="PluginItemKeys"/>), with an index for one destination: destinations[1].</summary>
        public string Property { get; }

        /// <summary>What the value must be.</summary>
        public string Rule { get; }

        /// <summary>"property rule", as the Management Client shows it.</summary>
        public override string ToString() => Property + " " + Rule;
    }
}
