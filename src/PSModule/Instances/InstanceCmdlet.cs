using System;
using System.Collections.Generic;
using System.Management.Automation;
using RtmpXProtect.Engine.Management.DesiredState;
using RtmpXProtect.Engine.Management.Instances;

namespace RtmpXProtect.PSModule.Instances
{
    /// <summary>
    /// What the instance, certificate and path cmdlets share: the machine's instances (the registry
    /// $env:RTMPX_INSTANCE_REGISTRY moves), operation messages as verbose lines and warnings, and the
    /// engine's errors as categorised error records.
    /// </summary>
    public abstract class InstanceCmdlet : RtmpCmdlet
    {
        private InstanceOperations? _instances;

        /// <summary>The instances of this machine.</summary>
        protected InstanceOperations Instances => _instances ??= new InstanceOperations();

        /// <summary>Where an operation's messages go: verbose lines, warnings.</summary>
        protected OperationLog Log => new OperationLog(WriteVerbose, WriteWarning);

        /// <summary>Runs an engine operation for <paramref name="target"/>, writing its result; a failure is that item's error record.</summary>
        protected void Apply<T>(string errorId, object target, Func<T?> operation)
            where T : class
        {
            try
            {
                var result = operation();
                if (result != null)
                {
                    WriteObject(result);
                }
            }
            catch (Exception e) when (OperationFailure.Classify(e) is { } kind)
            {
                Report(e, errorId, kind == OperationFailureKind.Input ? ErrorCategory.InvalidArgument : kind == OperationFailureKind.AccessDenied ? ErrorCategory.PermissionDenied : ErrorCategory.InvalidOperation, target);
            }
        }

        /// <summary>The desired state of the parameters given, checked by the rules `rtmpx resource` applies to its input.</summary>
        protected static Desired<T> Desire<T>(T value, IEnumerable<string> given)
            where T : class, new() => ResourceJson.Checked(value, given);

        /// <summary>The JSON names of the parameters bound, mapped through <paramref name="names"/> (parameter name to property name).</summary>
        protected IEnumerable<string> Given(IReadOnlyDictionary<string, string> names)
        {
            foreach (var name in names)
            {
                if (MyInvocation.BoundParameters.ContainsKey(name.Key))
                {
                    yield return name.Value;
                }
            }
        }
    }
}
