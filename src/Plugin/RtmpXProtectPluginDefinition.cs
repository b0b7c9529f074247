using System;
using System.Collections.Generic;
using System.Drawing;
using VideoOS.Platform;
using VideoOS.Platform.Admin;
using VideoOS.Platform.Background;

namespace RtmpXProtect.Plugin
{
    /// <summary>
    /// The plugin's entry point, found by the Event Server and the Management Client through
    /// plugin.def: one item kind (a camera streamed to RTMP destinations) and, on the Event
    /// Server only, the background plugin that runs the streams.
    /// </summary>
    public sealed class RtmpXProtectPluginDefinition : PluginDefinition
    {
        private readonly List<BackgroundPlugin> _backgroundPlugins = new List<BackgroundPlugin>();
        private Image _icon;
        private List<ItemNode> _itemNodes;

        // Before any engine type is touched: its dependencies may need the plugin folder to bind.
        static RtmpXProtectPluginDefinition() => RtmpXProtectAssemblyResolver.Install();

        /// <inheritdoc />
        public override Guid Id => RtmpXProtectPluginIds.Plugin;

        /// <inheritdoc />
        public override string Name => "RtmpXProtect";

        /// <inheritdoc />
        public override string Manufacturer => "RtmpXProtect";

        /// <inheritdoc />
        public override string VersionString => typeof(RtmpXProtectPluginDefinition).Assembly.GetName().Version.ToString(3);

        /// <inheritdoc />
        public override Image Icon => _icon ?? (_icon = RtmpXProtectPluginIcon.Create());

        /// <inheritdoc />
        public override List<ItemNode> ItemNodes => _itemNodes ?? (_itemNodes = new List<ItemNode>
        {
            new ItemNode(
                RtmpXProtectPluginIds.StreamKind, Guid.Empty, "RTMP stream", Icon, "RTMP streams", Icon,
                Category.Text, true, ItemsAllowed.Many, new RtmpXProtectItemManager(RtmpXProtectPluginIds.StreamKind), null),
        });

        /// <inheritdoc />
        public override List<BackgroundPlugin> BackgroundPlugins => _backgroundPlugins;

        /// <inheritdoc />
        public override void Init()
        {
            // The streams run where the Event Server runs; a Management Client only edits items.
            if (EnvironmentManager.Instance.EnvironmentType == EnvironmentType.Service)
            {
                _backgroundPlugins.Add(new RtmpXProtectBackgroundPlugin());
            }
        }

        /// <inheritdoc />
        public override void Close()
        {
            _backgroundPlugins.Clear();
            _itemNodes = null;
        }
    }
}
