using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using RtmpXProtect.Engine.XProtect.Plugin;

namespace RtmpXProtect.Engine.Tests.XProtect.Plugin
{
    /// <summary>The test double of the adapter's key store: URLs in memory, a reference without a key.</summary>
    internal sealed class MemoryStreamKeyStore : IStreamKeyStore
    {
        private readonly ConcurrentDictionary<Guid, IReadOnlyList<string>> _urls = new ConcurrentDictionary<Guid, IReadOnlyList<string>>();

        public string Save(Guid itemId, IReadOnlyList<string> destinationUrls)
        {
            _urls[itemId] = destinationUrls.ToList();
            return "memory:" + itemId.ToString("D");
        }

        public IReadOnlyList<string>? Load(Guid itemId) => _urls.TryGetValue(itemId, out var urls) ? urls : null;

        public void Delete(Guid itemId) => _urls.TryRemove(itemId, out _);
    }
}
