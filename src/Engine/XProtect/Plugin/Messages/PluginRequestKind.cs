namespace RtmpXProtect.Engine.XProtect.Plugin.Messages
{
    /// <summary>What a <see cref="PluginRequest"/> asks the Event Server to do.</summary>
    public enum PluginRequestKind
    {
        /// <summary>Keep the entry's stream keys and answer with the masked property bag to save.</summary>
        Save,

        /// <summary>Forget the item's stream keys: the item was deleted.</summary>
        Delete,

        /// <summary>Answer with the item's state icon and reason.</summary>
        State,

        /// <summary>Answer with the item's live log lines after <see cref="PluginRequest.After"/>.</summary>
        LiveLog,
    }
}
