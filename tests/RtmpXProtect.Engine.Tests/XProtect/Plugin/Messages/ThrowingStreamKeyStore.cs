using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.XProtect.Plugin;

namespace RtmpXProtect.Engine.Tests.XProtect.Plugin.Messages
{
    /// <summary>A key store whose every call fails with a message that quotes a key, as a careless store's might.</summary>
    internal sealed class ThrowingStreamKeyStore : IStreamKeyStore
    {
        public const string Quoted = "C:\\ProgramData\\keys\\live_1_LEAKED";

        public string Save(Guid itemId, IReadOnlyList<string> destinationUrls) => throw new UnauthorizedAccessException("Access to " + Quoted + " is denied.");

        public IReadOnlyList<string>? Load(Guid itemId) => null;

        public void Delete(Guid itemId) => throw new UnauthorizedAccessException("Access to " + Quoted + " is denied.");
    }
}
