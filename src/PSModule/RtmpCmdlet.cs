using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace RtmpXProtect.PSModule
{
    /// <summary>
    /// What every RtmpXProtect cmdlet shares: Ctrl+C cancels the engine call it waits on, and engine
    /// tasks are awaited on the pipeline thread, the only thread allowed to write output.
    /// </summary>
    public abstract class RtmpCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();

        /// <summary>Cancelled by Ctrl+C (StopProcessing), so -Wait loops and long probes end cleanly.</summary>
        protected CancellationToken Cancellation => stopping.Token;

        /// <summary>Cancels whatever the cmdlet is waiting on when the user presses Ctrl+C.</summary>
        protected override void StopProcessing() => stopping.Cancel();

        /// <summary>Ends the command with a categorised error naming its target, as PowerShell users expect.</summary>
        protected void Fail(Exception error, string id, ErrorCategory category, object? target) =>
            ThrowTerminatingError(new ErrorRecord(error, id, category, target));

        /// <summary>Reports a per-item failure and lets the pipeline go on with the next item.</summary>
        protected void Report(Exception error, string id, ErrorCategory category, object? target) =>
            WriteError(new ErrorRecord(error, id, category, target));

        /// <summary>Waits for an engine task; cancellation by Ctrl+C surfaces as <see cref="OperationCanceledException"/>.</summary>
        protected static T Await<T>(Task<T> task) => task.GetAwaiter().GetResult();

        /// <summary>Waits for an engine task that returns nothing.</summary>
        protected static void Await(Task task) => task.GetAwaiter().GetResult();
    }
}
