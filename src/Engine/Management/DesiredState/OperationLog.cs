using System;

namespace RtmpXProtect.Engine.Management.DesiredState
{
    /// <summary>
    /// Where an operation says what it did and what the operator should know: `rtmpx resource` writes
    /// these as JSON lines on standard error ({"warn":"…"}), cmdlets as warnings and verbose lines.
    /// Never given a secret.
    /// </summary>
    public sealed class OperationLog
    {
        private readonly Action<string>? _info;
        private readonly Action<string>? _warning;

        /// <summary>Sends information and warnings to these; null drops them.</summary>
        public OperationLog(Action<string>? info, Action<string>? warning)
        {
            _info = info;
            _warning = warning;
        }

        /// <summary>A log that keeps nothing.</summary>
        public static OperationLog None { get; } = new OperationLog(null, null);

        /// <summary>What was done ("wrote rtmpx.json", "restarted rtmpx-rs1").</summary>
        public void Info(string message) => _info?.Invoke(message);

        /// <summary>What the operator must act on ("its supervisor must restart it").</summary>
        public void Warning(string message) => _warning?.Invoke(message);
    }
}
