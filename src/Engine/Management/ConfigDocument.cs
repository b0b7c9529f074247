using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Management.DesiredState;

namespace RtmpXProtect.Engine.Management
{
    /// <summary>
    /// An rtmpx.json as a JSON tree, for the operations that edit some of it and keep the rest:
    /// read with the comments and trailing commas the file may have, written indented, validated by
    /// <see cref="RtmpxConfigLoader"/> first and only when it changed. Comments are not kept.
    /// </summary>
    internal static class ConfigDocument
    {
        private static readonly JsonDocumentOptions ReadOptions = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 };

        private static readonly JsonSerializerOptions WriteOptions = new JsonSerializerOptions { WriteIndented = true };

        private static ResourceOperationException Broken(string path, RtmpxConfigException e)
            => new ResourceOperationException($"{path} is invalid ({string.Join("; ", e.Errors)}); fix it, or apply the instance (RtmpXProtect/Instance) to write it anew.");

        /// <summary>The file's object; an empty one when there is no file.</summary>
        /// <exception cref="RtmpxConfigException">The file is not JSON, or not an object.</exception>
        public static JsonObject Read(string path)
        {
            if (!File.Exists(path))
            {
                return new JsonObject();
            }

            var bytes = File.ReadAllBytes(path);
            var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            try
            {
                return JsonNode.Parse(bytes.AsSpan(start), documentOptions: ReadOptions) as JsonObject
                    ?? throw new RtmpxConfigException(new[] { $"{path} does not hold a JSON object." });
            }
            catch (JsonException e)
            {
                throw new RtmpxConfigException(new[] { $"{path} is not valid JSON (line {(e.LineNumber ?? 0) + 1}); fix it before changing it." });
            }
        }

        /// <summary>The text the document is written as.</summary>
        public static string Text(JsonObject document) => document.ToJsonString(WriteOptions) + "\n";

        /// <summary>The object <paramref name="name"/> of <paramref name="parent"/>, made when missing (or not an object).</summary>
        public static JsonObject Section(JsonObject parent, string name)
        {
            if (parent[name] is JsonObject section)
            {
                return section;
            }

            var created = new JsonObject();
            parent[name] = created;
            return created;
        }

        /// <summary>An instance's file as it takes effect; the defaults when there is none.</summary>
        /// <exception cref="ResourceOperationException">The file breaks a rule (edited by hand): the Instance resource writes it anew.</exception>
        public static RtmpxConfig Load(string path)
        {
            try
            {
                return File.Exists(path) ? RtmpxConfigLoader.Load(path) : new RtmpxConfig();
            }
            catch (RtmpxConfigException e)
            {
                throw Broken(path, e);
            }
        }

        /// <summary>The file's object, to change some of it; an empty one when there is none.</summary>
        /// <exception cref="ResourceOperationException">The file is not JSON (edited by hand): the Instance resource writes it anew.</exception>
        public static JsonObject ReadForChange(string path)
        {
            try
            {
                return Read(path);
            }
            catch (RtmpxConfigException e)
            {
                throw Broken(path, e);
            }
        }

        /// <summary>The document as it would be written, validated once: its text, and what the loader makes of it.</summary>
        /// <param name="document">The whole rtmpx.json.</param>
        /// <param name="property">The property a broken rule is blamed on ("config"), if any.</param>
        /// <exception cref="ResourceInputException">The document breaks a rule of rtmpx.json (keys and lines, never values).</exception>
        public static (string Text, RtmpxConfig Config) Checked(JsonObject document, string? property = null)
        {
            var text = Text(document);
            try
            {
                return (text, RtmpxConfigLoader.Parse(text));
            }
            catch (RtmpxConfigException e)
            {
                throw new ResourceInputException((property == null ? "The" : property + ": the") + " instance's rtmpx.json would be invalid: " + string.Join("; ", e.Errors));
            }
        }

        /// <summary>Writes text that <see cref="Checked"/> (or the loader) passed, readable by its owner only; false when the file already held it.</summary>
        public static bool Write(string path, string checkedText) => AtomicFile.WriteIfChanged(path, checkedText, ownerOnly: true);
    }
}
