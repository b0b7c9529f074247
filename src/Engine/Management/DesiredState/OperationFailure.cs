using System;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;
using RtmpXProtect.Engine.Configuration;
using RtmpXProtect.Engine.Security;

namespace RtmpXProtect.Engine.Management.DesiredState
{
    /// <summary>How an operation failed, which each face turns into its own answer (exit code, error category).</summary>
    public enum OperationFailureKind
    {
        /// <summary>What was asked cannot be: fix the input (exit code 2, InvalidArgument).</summary>
        Input,

        /// <summary>What was asked could not be carried out: the disk, a service, a file (exit code 1, InvalidOperation).</summary>
        Failed,

        /// <summary>Not root, not an administrator (exit code 3, PermissionDenied).</summary>
        AccessDenied,
    }

    /// <summary>
    /// Sorts what a resource operation throws, so `rtmpx resource`, `rtmpx instance` and the instance
    /// cmdlets answer every failure the same way; their messages name files and keys, never secrets.
    /// </summary>
    public static class OperationFailure
    {
        /// <summary>The kind of an expected failure, or null for a bug (which each face still reports, as a failure).</summary>
        public static OperationFailureKind? Classify(Exception e)
        {
            switch (e)
            {
                case ResourceOperationException operation:
                    return operation.AccessDenied ? OperationFailureKind.AccessDenied : OperationFailureKind.Failed;
                case ResourceInputException _:
                case RtmpxConfigException _:
                case CertificateLoadException _:
                case StreamStoreException _:
                case ArgumentException _:
                    return OperationFailureKind.Input;
                case UnauthorizedAccessException _:
                    return OperationFailureKind.AccessDenied;
                case IOException _:
                case JsonException _:
                case CryptographicException _:
                    return OperationFailureKind.Failed;
                default:
                    return null;
            }
        }

        /// <summary>The exit code of a resource run: 2 input, 3 access denied, 1 anything else.</summary>
        public static int ExitCode(Exception e)
        {
            switch (Classify(e))
            {
                case OperationFailureKind.Input:
                    return 2;
                case OperationFailureKind.AccessDenied:
                    return 3;
                default:
                    return 1;
            }
        }

        /// <summary>The message to show: an unexpected exception's type is kept, as it says more than its text alone.</summary>
        public static string Message(Exception e) => Classify(e) == null ? $"{e.GetType().Name}: {e.Message}" : e.Message;
    }
}
