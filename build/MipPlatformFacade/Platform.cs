using System;
using System.Collections.Generic;
using System.Drawing;
using RtmpXProtect.Build.MipFacade;
using RtmpXProtect.Build.MipPlatformFacade;
using VideoOS.Platform.Admin;
using VideoOS.Platform.Background;
using VideoOS.Platform.Messaging;

namespace VideoOS.Platform
{
    [MipSource(Sources.Definition)]
    [MipSource(Sources.CarrouselDefinition)]
    public abstract class PluginDefinition
    {
        [MipSource(Sources.Definition)] // derived with the base's parameterless constructor
        protected PluginDefinition() => throw null;

        [MipSource(Sources.Definition)]
        public abstract Guid Id { get; }

        [MipSource(Sources.Definition)]
        public abstract string Name { get; }

        [MipSource(Sources.Definition)]
        public virtual string Manufacturer => throw null;

        [MipSource(Sources.CarrouselDefinition)]
        public virtual string VersionString => throw null;

        [MipSource(Sources.Definition)]
        public abstract Image Icon { get; }

        [MipSource(Sources.Definition)]
        public virtual void Init() => throw null;

        [MipSource(Sources.Definition)]
        public virtual void Close() => throw null;

        [MipSource(Sources.Definition)]
        public virtual List<ItemNode> ItemNodes => throw null;

        [MipSource(Sources.Definition)]
        public virtual List<BackgroundPlugin> BackgroundPlugins => throw null;
    }

    [MipSource(Sources.PropertyBackground)]
    public enum EnvironmentType
    {
        [MipSource(Sources.PropertyBackground)]
        Service,

        [MipSource(Sources.PropertyBackground)]
        Administration,

        [MipSource(Sources.PropertyBackground)]
        SmartClient,

        [MipSource(Sources.PropertyBackground)]
        Standalone,
    }

    [MipSource(Sources.Background)]
    public class EnvironmentManager
    {
        private EnvironmentManager() => throw null;

        [MipSource(Sources.Background)]
        public static EnvironmentManager Instance => throw null;

        [MipSource(Sources.Definition)]
        public EnvironmentType EnvironmentType => throw null;

        [MipSource(Sources.Background)] // MasterSite.ServerId; SystemLogBase passes it to GetSiteItem
        public FQID MasterSite => throw null;

        [MipSource(Sources.Background)]
        [MipSource(Sources.EnvMessages)]
        public object RegisterReceiver(MessageReceiver messageReceiver, MessageFilter messageFilter) => throw null;

        [MipSource(Sources.Background)]
        [MipSource(Sources.EnvMessages)]
        public void UnRegisterReceiver(object obj) => throw null;

        [MipSource(Sources.SystemLogBase)]
        public Item GetSiteItem(FQID fqid) => throw null;

        [MipSource(Sources.PropertyBackground)] // Log(false, "Property read", "Value (global): ...", null)
        [MipSource(Sources.SdkNotes)] // Log(true, "MyPlugin", "Error", new[] { ex })
        public void Log(bool error, string source, string message, Exception[] exceptions) => throw null;
    }

    [MipSource(Sources.ItemManager)]
    public class Configuration
    {
        private Configuration() => throw null;

        [MipSource(Sources.ItemManager)]
        public static Configuration Instance => throw null;

        [MipSource(Sources.ItemManager)]
        [MipSource(Sources.Background)]
        public List<Item> GetItemConfigurations(Guid pluginId, Item parentItem, Guid kind) => throw null;

        [MipSource(Sources.ItemManager)]
        public Item GetItemConfiguration(Guid pluginId, Guid kind, Guid objectId) => throw null;

        [MipSource(Sources.ItemManager)]
        public void SaveItemConfiguration(Guid pluginId, Item item) => throw null;

        [MipSource(Sources.ItemManager)]
        public void DeleteItemConfiguration(Guid pluginId, Item item) => throw null;
    }

    [MipSource(Sources.ItemManager)]
    public class Item
    {
        [MipSource(Sources.ItemManager)] // new Item(suggestedFQID, "New RTMP Stream")
        public Item(FQID fqid, string name) => throw null;

        [MipSource(Sources.ItemManager)]
        public string Name { get => throw null; set => throw null; }

        [MipSource(Sources.Background)] // item.FQID.ObjectId
        public FQID FQID => throw null;

        [MipSource(Sources.ItemManager)]
        public Dictionary<string, string> Properties => throw null;
    }

    [MipSource(Sources.ItemManager)]
    public class FQID
    {
        private FQID() => throw null;

        [MipSource(Sources.ItemManager)]
        public Guid ObjectId => throw null;

        [MipSource(Sources.Background)] // EnvironmentManager.Instance.MasterSite.ServerId
        public ServerId ServerId => throw null;
    }

    [MipSource(Sources.Background)]
    public class ServerId
    {
        private ServerId() => throw null;

        [MipSource(Sources.Background)]
        public string ServerScheme => throw null;

        [MipSource(Sources.Background)]
        public string ServerHostname => throw null;

        [MipSource(Sources.Background)]
        public int Serverport => throw null;
    }

    [MipSource(Sources.SystemLog)]
    public static class Kind
    {
        // readonly, not const: each use then leaves a field reference the facade test can check.
        [MipSource(Sources.SystemLog)] // RelatedObjectKind = Kind.Server
        public static readonly Guid Server;
    }

    // In VideoOS.Platform, not Messaging: the Chat sample's README lists VideoOS.Platform.MessageReceiver.
    [MipSource(Sources.ChatReadme)]
    [MipSource(Sources.Chat)] // object ChatLineHandler(Message message, FQID dest, FQID source)
    public delegate object MessageReceiver(Message message, FQID destination, FQID sender);
}
