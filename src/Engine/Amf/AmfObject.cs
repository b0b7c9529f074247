using System;
using System.Collections;
using System.Collections.Generic;

namespace RtmpXProtect.Engine.Amf
{
    /// <summary>
    /// An AMF object: string keys in the order they were added, so a re-encoded command keeps the
    /// order the peer (or the spec's examples) used. Setting a key that is already there replaces
    /// its value in place. Keys compare ordinally. A non-null <see cref="ClassName"/> makes it a
    /// typed object.
    /// </summary>
    public class AmfObject : IEnumerable<KeyValuePair<string, object?>>
    {
        // Commands and metadata have 5-20 keys, where a linear scan beats hashing; a peer may send
        // thousands, where it would be quadratic, so an index is built past this count.
        private const int IndexThreshold = 16;

        private readonly List<KeyValuePair<string, object?>> _entries = new List<KeyValuePair<string, object?>>();
        private Dictionary<string, int>? _index;

        /// <summary>
        /// The class name of a typed object (AMF0 0x10, AMF3 traits with a name); null for an
        /// anonymous object.
        /// </summary>
        public string? ClassName { get; set; }

        /// <summary>Number of properties.</summary>
        public int Count => _entries.Count;

        /// <summary>Gets a property (null when missing) or adds or replaces one.</summary>
        public object? this[string key]
        {
            get => TryGetValue(key, out object? value) ? value : null;
            set => Set(key, value);
        }

        /// <summary>
        /// Adds a property, or replaces the value of an existing one in place; it does not throw on
        /// duplicates because AMF allows them and the last one wins. Makes collection initializers work.
        /// </summary>
        public void Add(string key, object? value) => Set(key, value);

        /// <summary>Looks up a property by ordinal key.</summary>
        public bool TryGetValue(string key, out object? value)
        {
            int index = IndexOf(key);
            value = index >= 0 ? _entries[index].Value : null;
            return index >= 0;
        }

        /// <summary>Whether a property with this key exists (its value may be null).</summary>
        public bool ContainsKey(string key) => IndexOf(key) >= 0;

        /// <summary>The property as a string, or null when missing or not a string.</summary>
        public string? GetString(string key) => this[key] as string;

        /// <summary>
        /// The property as a number, or null when missing or not a number. Any .NET numeric type
        /// counts, so objects built in code (<c>{"capabilities", 15}</c>) read like decoded ones.
        /// </summary>
        public double? GetNumber(string key) => AmfNumber.TryGetDouble(this[key], out double number) ? number : (double?)null;

        /// <summary>The property as a boolean, or null when missing or not a boolean.</summary>
        public bool? GetBoolean(string key) => this[key] is bool flag ? flag : (bool?)null;

        /// <summary>The property as an object (or ECMA array), or null when missing or of another type.</summary>
        public AmfObject? GetObject(string key) => this[key] as AmfObject;

        /// <summary>The properties in insertion order.</summary>
        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _entries.GetEnumerator();

        /// <inheritdoc />
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private int IndexOf(string key)
        {
            if (key is null)
            {
                throw new ArgumentNullException(nameof(key));
            }

            if (_index is not null)
            {
                return _index.TryGetValue(key, out int found) ? found : -1;
            }

            for (int i = 0; i < _entries.Count; i++)
            {
                if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        private void Set(string key, object? value)
        {
            int index = IndexOf(key);
            if (index >= 0)
            {
                _entries[index] = new KeyValuePair<string, object?>(key, value);
                return;
            }

            _entries.Add(new KeyValuePair<string, object?>(key, value));
            if (_index is not null)
            {
                _index[key] = _entries.Count - 1;
            }
            else if (_entries.Count > IndexThreshold)
            {
                _index = new Dictionary<string, int>(_entries.Count * 2, StringComparer.Ordinal);
                for (int i = 0; i < _entries.Count; i++)
                {
                    _index[_entries[i].Key] = i;
                }
            }
        }
    }
}
