using System.Collections.Generic;
using System.Text.Json;

namespace RtmpXProtect.Engine.Configuration
{
    /// <summary>
    /// The line each key path ("limits.maxConnections", "paths.publishers[1]") starts on, so errors
    /// found after parsing still point into the file.
    /// </summary>
    internal static class JsonKeyLines
    {
        public static Dictionary<string, int> Read(byte[] json, JsonReaderOptions options)
        {
            var lines = new Dictionary<string, int>();
            var reader = new Utf8JsonReader(json, options);
            var stack = new List<Frame>();
            string? pendingName = null;
            var lineStarts = LineStarts(json);
            try
            {
                while (reader.Read())
                {
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.PropertyName:
                            pendingName = reader.GetString() ?? string.Empty;
                            var namePath = Join(stack, pendingName);
                            if (!lines.ContainsKey(namePath))
                            {
                                lines[namePath] = Line(lineStarts, reader.TokenStartIndex);
                            }

                            continue;
                        case JsonTokenType.StartObject:
                        case JsonTokenType.StartArray:
                            var path = ValuePath(stack, pendingName, lines, lineStarts, reader.TokenStartIndex);
                            stack.Add(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                            break;
                        case JsonTokenType.EndObject:
                        case JsonTokenType.EndArray:
                            stack.RemoveAt(stack.Count - 1);
                            break;
                        default:
                            ValuePath(stack, pendingName, lines, lineStarts, reader.TokenStartIndex);
                            break;
                    }

                    pendingName = null;
                }
            }
            catch (JsonException)
            {
                // The serializer reports syntax errors with their own line; these lines only refine.
            }

            return lines;
        }

        private static string ValuePath(List<Frame> stack, string? name, Dictionary<string, int> lines, List<long> lineStarts, long start)
        {
            if (stack.Count == 0)
            {
                return string.Empty;
            }

            var parent = stack[stack.Count - 1];
            if (!parent.IsArray)
            {
                return Join(stack, name ?? string.Empty);
            }

            var path = parent.Path + "[" + parent.Count++ + "]";
            stack[stack.Count - 1] = parent;
            if (!lines.ContainsKey(path))
            {
                lines[path] = Line(lineStarts, start);
            }

            return path;
        }

        private static string Join(List<Frame> stack, string name)
        {
            var parent = stack.Count == 0 ? string.Empty : stack[stack.Count - 1].Path;
            return parent.Length == 0 ? name : parent + "." + name;
        }

        private static List<long> LineStarts(byte[] json)
        {
            var starts = new List<long> { 0 };
            for (var i = 0; i < json.Length; i++)
            {
                if (json[i] == (byte)'\n')
                {
                    starts.Add(i + 1);
                }
            }

            return starts;
        }

        private static int Line(List<long> lineStarts, long offset)
        {
            var index = lineStarts.BinarySearch(offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }

        private struct Frame
        {
            public Frame(string path, bool isArray)
            {
                Path = path;
                IsArray = isArray;
                Count = 0;
            }

            public string Path { get; }

            public bool IsArray { get; }

            public int Count { get; set; }
        }
    }
}
