using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.XProtect.Plugin
{
    /// <summary>
    /// One stream item as the MIP plugin keeps it: the item's id and name, and the string
    /// property bag MIP items store (<c>Item.Properties</c>, saved with
    /// <c>Configuration.Instance.SaveItemConfiguration</c>). The bag never holds a stream key.
    /// </summary>
    public sealed class PluginItem
    {
        /// <summary>Creates an item; <paramref name="properties"/> is copied.</summary>
        public PluginItem(Guid id, string name, IDictionary<string, string> properties)
        {
            Id = id;
            Name = name ?? string.Empty;
            Properties = new Dictionary<string, string>(properties ?? throw new ArgumentNullException(nameof(properties)), StringComparer.Ordinal);
        }

        /// <summary>The item's id (its FQID.ObjectId in MIP); also the stream's name, so a rename restarts nothing.</summary>
        public Guid Id { get; }

        /// <summary>The name shown in the Management Client tree.</summary>
        public string Name { get; }

        /// <summary>The stored properties, keyed by <see cref="PluginItemKeys"/>.</summary>
        public IReadOnlyDictionary<string, string> Properties { get; }

        /// <summary>The stream name the engine runs the item under: its id, which is unique and stable.</summary>
        public string StreamName => StreamNameOf(Id);

        /// <summary>The stream name of the item with id <paramref name="id"/>.</summary>
        public static string StreamNameOf(Guid id) => id.ToString("D");
    }
}
