using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace RtmpXProtect.Engine.Management.DesiredState
{
    /// <summary>
    /// One DSC resource type over its engine operations, in the JSON DSC speaks: what `rtmpx resource`
    /// runs for a DSC v3 manifest and what the PowerShell DSC classes call, so both faces are the same code.
    /// </summary>
    public abstract class ResourceType
    {
        /// <summary>The type name ("RtmpXProtect/Instance").</summary>
        public abstract string Name { get; }

        /// <summary>What it manages.</summary>
        public abstract string Description { get; }

        /// <summary>The JSON Schema of its instances (what a manifest embeds).</summary>
        public abstract JsonObject Schema();

        /// <summary>The state of the instance <paramref name="input"/> names by its keys.</summary>
        /// <exception cref="ResourceInputException">The input is not an instance of this type.</exception>
        public abstract JsonObject Get(JsonObject input);

        /// <summary>The actual state with <c>_inDesiredState</c>.</summary>
        /// <exception cref="ResourceInputException">The input is not an instance of this type.</exception>
        public abstract JsonObject Test(JsonObject input);

        /// <summary>Applies <paramref name="input"/> and returns the state after.</summary>
        /// <exception cref="ResourceInputException">The desired state cannot be applied as given; nothing was changed.</exception>
        /// <exception cref="ResourceOperationException">A step failed; what ran before runs on.</exception>
        public abstract JsonObject Set(JsonObject input, OperationLog log);

        /// <summary>Removes the instance <paramref name="input"/> names.</summary>
        public abstract void Delete(JsonObject input, OperationLog log);

        /// <summary>Every instance of this type on the machine; with a filter, those whose given properties match it.</summary>
        public abstract IReadOnlyList<JsonObject> Export(JsonObject? filter);
    }
}
