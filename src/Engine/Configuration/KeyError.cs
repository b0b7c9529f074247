namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>One problem with one key: the key path and the rule it breaks, joined into a sentence.</summary>
    internal sealed class KeyError
    {
        public KeyError(string key, string rule)
        {
            Key = key;
            Rule = rule;
        }

        public string Key { get; }

        /// <summary>The rest of the sentence after the key ("must be 1–100000").</summary>
        public string Rule { get; }

        public override string ToString() => Key + " " + Rule;
    }
}
