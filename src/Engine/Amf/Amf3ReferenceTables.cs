using System.Collections.Generic;

namespace RtmpXProtect.Engine.Amf
{
    /// <summary>
    /// The three AMF3 reference tables (strings, objects, traits; AMF3 §2.2). A class, not part of
    /// the reader struct, so an AMF0 reader can keep them across several 0x11-switched values of
    /// one message. Each table is bounded by <see cref="WireLimits.MaxAmfReferences"/>.
    /// </summary>
    internal sealed class Amf3ReferenceTables
    {
        private readonly List<string> _strings = new List<string>();
        private readonly List<object> _objects = new List<object>();
        private readonly List<Amf3Traits> _traits = new List<Amf3Traits>();

        public void AddString(string value, WireLimits limits) => Add(_strings, value, "string", limits);

        public void AddObject(object value, WireLimits limits) => Add(_objects, value, "object", limits);

        public void AddTraits(Amf3Traits value, WireLimits limits) => Add(_traits, value, "traits", limits);

        public string GetString(int index) => Get(_strings, index, "string");

        public object GetObject(int index) => Get(_objects, index, "object");

        public Amf3Traits GetTraits(int index) => Get(_traits, index, "traits");

        private static void Add<T>(List<T> table, T value, string name, WireLimits limits)
        {
            if (table.Count >= limits.MaxAmfReferences)
            {
                throw new AmfFormatException($"AMF3 {name} reference table holds more than {limits.MaxAmfReferences} entries");
            }

            table.Add(value);
        }

        private static T Get<T>(List<T> table, int index, string name)
        {
            if (index < 0 || index >= table.Count)
            {
                throw new AmfFormatException($"AMF3 {name} reference {index} points past the {table.Count} entries read so far");
            }

            return table[index];
        }
    }
}
