using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Reflection;
using System.Text.Json;

namespace RtmpXProtect.Engine.Management.DesiredState
{
    /// <summary>The properties of a resource model, read once from its attributes, in declaration order.</summary>
    internal static class ResourceProperties
    {
        private static readonly ConcurrentDictionary<Type, IReadOnlyList<ResourceProperty>> Cache = new ConcurrentDictionary<Type, IReadOnlyList<ResourceProperty>>();

        [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The engine is a root of the ahead-of-time build (Cli.csproj), so resource models keep their properties and constructors.")]
        public static IReadOnlyList<ResourceProperty> Of(Type model) => Cache.GetOrAdd(model, type => type
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<ResourcePropertyAttribute>()))
            .Where(p => p.Attribute != null)
            .OrderBy(p => p.Attribute!.Line)
            .Select(p => new ResourceProperty(p.Property, p.Attribute!))
            .ToList());

        /// <summary>The values of an enum type, in declaration order; by name, since an array of the enum type is code an ahead-of-time compiled binary may not have.</summary>
        public static IEnumerable<object> EnumValues(Type type) => Enum.GetNames(type).Select(name => Enum.Parse(type, name));

        /// <summary>An enum value as the JSON text: "selfSigned", "requireH264".</summary>
        public static string EnumText(object value) => JsonNamingPolicy.CamelCase.ConvertName(value.ToString()!);
    }

    /// <summary>One property of a resource model.</summary>
    internal sealed class ResourceProperty
    {
        public ResourceProperty(PropertyInfo property, ResourcePropertyAttribute attribute)
        {
            Property = property;
            Attribute = attribute;
            ValueType = System.Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            ItemType = ValueType.IsGenericType && ValueType.GetGenericTypeDefinition() == typeof(List<>) ? ValueType.GetGenericArguments()[0] : null;
        }

        public PropertyInfo Property { get; }

        public ResourcePropertyAttribute Attribute { get; }

        public string Name => Attribute.Name;

        /// <summary>The property's type without Nullable&lt;&gt;.</summary>
        public Type ValueType { get; }

        /// <summary>The element type of a List&lt;T&gt; property; null otherwise.</summary>
        public Type? ItemType { get; }

        /// <summary>A canonical DSC property (_exist, _inDesiredState) whose schema DSC publishes.</summary>
        public bool Canonical => Name.StartsWith("_", StringComparison.Ordinal);

        public object? Get(object model) => Property.GetValue(model);

        public void Set(object model, object? value) => Property.SetValue(model, value);
    }
}
