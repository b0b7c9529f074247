using System;
using System.Collections.Generic;
using RtmpXProtect.Build.MipFacade;
using RtmpXProtect.Build.MipPlatformFacade;

namespace VideoOS.Platform.Background
{
    [MipSource(Sources.Background)]
    [MipSource(Sources.PropertyBackground)]
    public abstract class BackgroundPlugin
    {
        [MipSource(Sources.PropertyBackground)] // derived with the base's parameterless constructor
        protected BackgroundPlugin() => throw null;

        [MipSource(Sources.PropertyBackground)]
        public abstract Guid Id { get; }

        [MipSource(Sources.PropertyBackground)]
        public abstract string Name { get; }

        [MipSource(Sources.PropertyBackground)]
        public abstract void Init();

        [MipSource(Sources.PropertyBackground)]
        public abstract void Close();

        [MipSource(Sources.PropertyBackground)] // "Default will run everywhere"
        public virtual List<EnvironmentType> TargetEnvironments => throw null;
    }
}
