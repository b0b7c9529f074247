using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Text.Json.Nodes;

namespace RtmpXProtect.PSModule.Instances
{
    /// <summary>A hashtable as PowerShell users write rtmpx.json sections (@{ limits = @{ maxConnections = 500 } }) to the JSON the engine takes.</summary>
    internal static class ConfigTable
    {
        public static JsonObject? ToJson(IDictionary? table) => table == null ? null : (JsonObject)Convert(table)!;

        private static JsonNode? Convert(object? value)
        {
            switch (value is PSObject wrapped ? wrapped.BaseObject : value)
            {
                case null:
                    return null;
                case string text:
                    return text;
                case bool flag:
                    return flag;
                case int or long or short or byte:
                    return System.Convert.ToInt64(value is PSObject p ? p.BaseObject : value, CultureInfo.InvariantCulture);
                case double or float or decimal:
                    return System.Convert.ToDouble(value is PSObject q ? q.BaseObject : value, CultureInfo.InvariantCulture);
                case IDictionary dictionary:
                    var obj = new JsonObject();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        obj[System.Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!] = Convert(entry.Value);
                    }

                    return obj;
                case IEnumerable list:
                    var array = new JsonArray();
                    foreach (var item in list)
                    {
                        array.Add(Convert(item));
                    }

                    return array;
                case var other:
                    return System.Convert.ToString(other, CultureInfo.InvariantCulture);
            }
        }
    }
}
