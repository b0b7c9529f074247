using System;
using System.Collections.Generic;
using RtmpXProtect.Build.MipFacade;
using RtmpXProtect.Build.MipPlatformFacade;

namespace VideoOS.Platform.Log
{
    [MipSource(Sources.SystemLogBase)]
    public class LogClient
    {
        private LogClient() => throw null;

        [MipSource(Sources.SystemLogBase)]
        public static LogClient Instance => throw null;

        [MipSource(Sources.SystemLogBase)]
        public void RegisterDictionary(LogMessageDictionary dictionary) => throw null;

        [MipSource(Sources.SystemLogBase)] // NewEntry(_appId, _componentId, messageId, GetSiteItem(), parameters)
        public void NewEntry(string application, string component, string messageId, Item relatedItem, Dictionary<string, string> parameters) => throw null;
    }

    [MipSource(Sources.SystemLogBase)]
    public class LogMessageDictionary
    {
        // Obsolete only from 25.3 (SystemLogBase's note); the pinned 24.2.1 has no other.
        [MipSource(Sources.SystemLogBase)]
        public LogMessageDictionary(string culture, string version, string application, string component, Dictionary<string, LogMessage> logMessages, string resourceType) => throw null;
    }

    [MipSource(Sources.SystemLog)]
    public class LogMessage
    {
        [MipSource(Sources.SystemLog)]
        public LogMessage() => throw null;

        [MipSource(Sources.SystemLog)]
        public string Id { get => throw null; set => throw null; }

        [MipSource(Sources.SystemLog)]
        public string Group { get => throw null; set => throw null; }

        [MipSource(Sources.SystemLog)]
        public string Severity { get => throw null; set => throw null; }

        [MipSource(Sources.SystemLog)]
        public string Status { get => throw null; set => throw null; }

        [MipSource(Sources.SystemLog)]
        public Guid RelatedObjectKind { get => throw null; set => throw null; }

        [MipSource(Sources.SystemLog)]
        [MipSource(Sources.SdkNotes)] // "Category and CategoryName on LogMessage are free-form strings"
        public string Category { get => throw null; set => throw null; }

        [MipSource(Sources.SystemLog)]
        public string CategoryName { get => throw null; set => throw null; }

        [MipSource(Sources.SystemLog)]
        public string Message { get => throw null; set => throw null; }
    }

    // Group, Severity and Status: names of values, declared readonly (not const) so that each use
    // leaves a field reference the facade test can check; the adapter's code compiles the same
    // whether the real ones are string constants or enums.
    [MipSource(Sources.SystemLog)]
    [MipSource(Sources.SdkNotes)]
    public static class Group
    {
        [MipSource(Sources.SystemLog)]
        public static readonly string System;
    }

    [MipSource(Sources.SystemLog)]
    [MipSource(Sources.SdkNotes)]
    public static class Severity
    {
        [MipSource(Sources.SystemLog)]
        public static readonly string Info;

        [MipSource(Sources.SystemLog)]
        public static readonly string Warning;

        [MipSource(Sources.SystemLog)]
        public static readonly string Error;
    }

    [MipSource(Sources.SystemLog)]
    [MipSource(Sources.SdkNotes)]
    public static class Status
    {
        [MipSource(Sources.SystemLog)]
        public static readonly string Success;

        [MipSource(Sources.SystemLog)]
        public static readonly string Failure;

        [MipSource(Sources.SystemLog)]
        public static readonly string StatusQuo;
    }
}
