using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace RtmpXProtect.Engine.Management.DesiredState
{
    /// <summary>A resource type made of a model and the operations that take and return it.</summary>
    /// <typeparam name="T">The resource model.</typeparam>
    internal sealed class ResourceType<T> : ResourceType
        where T : class, new()
    {
        private readonly Func<Desired<T>, T> _get;
        private readonly Func<Desired<T>, TestResult<T>> _test;
        private readonly Func<Desired<T>, OperationLog, T> _set;
        private readonly Action<Desired<T>, OperationLog> _delete;
        private readonly Func<IReadOnlyList<T>> _export;

        public ResourceType(string name, string description, Func<Desired<T>, T> get, Func<Desired<T>, TestResult<T>> test, Func<Desired<T>, OperationLog, T> set, Action<Desired<T>, OperationLog> delete, Func<IReadOnlyList<T>> export)
        {
            Name = name;
            Description = description;
            _get = get;
            _test = test;
            _set = set;
            _delete = delete;
            _export = export;
        }

        public override string Name { get; }

        public override string Description { get; }

        public override JsonObject Schema() => ResourceSchema.For<T>(Name, Description);

        public override JsonObject Get(JsonObject input) => ResourceJson.Write(_get(ResourceJson.Parse<T>(input)));

        public override JsonObject Test(JsonObject input)
        {
            var result = _test(ResourceJson.Parse<T>(input));
            return ResourceJson.Write(result.Actual, result.InDesiredState);
        }

        public override JsonObject Set(JsonObject input, OperationLog log) => ResourceJson.Write(_set(ResourceJson.Parse<T>(input), log));

        public override void Delete(JsonObject input, OperationLog log) => _delete(ResourceJson.Parse<T>(input), log);

        public override IReadOnlyList<JsonObject> Export(JsonObject? filter)
        {
            var all = _export().Select(state => ResourceJson.Write(state));
            if (filter == null || filter.Count == 0)
            {
                return all.ToList();
            }

            // DSC's own export filter: the instances whose properties equal every property given.
            return all.Where(state => filter.All(entry => JsonNode.DeepEquals(state[entry.Key], entry.Value))).ToList();
        }
    }
}
