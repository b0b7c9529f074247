using System;
using System.Collections.Generic;
using RtmpXProtect.Engine.Server;

namespace RtmpXProtect.Engine.Hooks
{
    /// <summary>
    /// A program run for stream events, the event as JSON on its standard input. It is started
    /// directly with its arguments, never through a shell, so nothing in an event can inject a command.
    /// </summary>
    public sealed class CommandHookTarget
    {
        /// <summary>Creates a target that runs <paramref name="path"/> for every event kind.</summary>
        public CommandHookTarget(string path)
        {
            Path = string.IsNullOrWhiteSpace(path) ? throw new ArgumentException("A program is required.", nameof(path)) : path;
        }

        /// <summary>The program: a path, or a name looked up on PATH.</summary>
        public string Path { get; }

        /// <summary>Its arguments, each passed as one argument whatever it contains.</summary>
        public IList<string> Arguments { get; } = new List<string>();

        /// <summary>The kinds of event it runs for; both by default.</summary>
        public ISet<StreamEventKind> Events { get; } = new HashSet<StreamEventKind> { StreamEventKind.StreamStarted, StreamEventKind.StreamStopped };

        /// <summary>How long it may run before it is killed. Default 10 s.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    }
}
