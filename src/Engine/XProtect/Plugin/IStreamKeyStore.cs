using System;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.XProtect.Plugin
{
    /// <summary>
    /// Keeps the destination URLs of an item (their stream names and queries are the keys) out of
    /// the item's property bag, which holds only masked URLs and the reference <see cref="Save"/>
    /// returns. The adapter backs it with the most protected store it has.
    /// </summary>
    /// <remarks>
    /// <para>
    /// What MIP offers, from Milestone's public material: plug-in configuration is stored "beside
    /// the Milestone configuration" on the management server
    /// (https://doc.developer.milestonesys.com/mipsdk/reference/architecture/configuration_choises.html),
    /// through <c>Configuration.Instance.SaveItemConfiguration</c> / <c>GetItemConfigurations</c> for
    /// items and <c>SaveOptionsConfiguration</c> / <c>GetOptionsConfiguration</c> for options
    /// (milestonesys/mipsdk-samples-plugin, <c>Property/README.md</c>). Neither the documentation
    /// nor the samples describe an encrypted or write-only property: every Management Client user
    /// who can open the item, and the Configuration API, read the bag in clear. So the bag is no
    /// place for a key.
    /// </para>
    /// <para>
    /// The fallback is DPAPI with machine scope (<c>ProtectedData.Protect(…,
    /// DataProtectionScope.LocalMachine)</c>) on the Event Server, in a folder only the Event
    /// Server's account and administrators may read: Windows-only, so it lives in the adapter. As
    /// the key is typed in a Management Client that may run on another machine, the adapter hands
    /// it to the Event Server's background plugin (which alone calls <see cref="Save"/>) rather
    /// than protecting it where it was typed.
    /// </para>
    /// </remarks>
    public interface IStreamKeyStore
    {
        /// <summary>Keeps the full destination URLs of item <paramref name="itemId"/>, replacing any kept before.</summary>
        /// <returns>A reference to where they are kept, safe to show (no key in it), stored as <see cref="PluginItemKeys.KeyReference"/>.</returns>
        string Save(Guid itemId, IReadOnlyList<string> destinationUrls);

        /// <summary>The URLs kept for the item, in order; null when none are.</summary>
        IReadOnlyList<string>? Load(Guid itemId);

        /// <summary>Forgets the item's URLs (the item was deleted); nothing when there are none.</summary>
        void Delete(Guid itemId);
    }
}
