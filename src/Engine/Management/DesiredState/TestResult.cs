using System.Collections.Generic;

namespace RtmpXProtect.Engine.Management.DesiredState
{
    /// <summary>What a test found: the actual state and the given properties that differ from it.</summary>
    /// <typeparam name="T">The resource model.</typeparam>
    public sealed class TestResult<T>
        where T : class
    {
        /// <summary>Wraps the actual state and the names (JSON) of the properties that differ.</summary>
        public TestResult(T actual, IReadOnlyList<string> differing)
        {
            Actual = actual;
            Differing = differing;
        }

        /// <summary>The state now, as get reports it.</summary>
        public T Actual { get; }

        /// <summary>The JSON names of the given properties not as desired; empty when in the desired state.</summary>
        public IReadOnlyList<string> Differing { get; }

        /// <summary>Whether every given property is as desired.</summary>
        public bool InDesiredState => Differing.Count == 0;
    }
}
