using System.Net;
using System.Threading;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// One admitted connection's place. Marking it decided and releasing it are each done once,
    /// whichever thread gets there first, so the counts never drift.
    /// </summary>
    internal sealed class AdmissionTicket
    {
        private const int Undecided = 0;
        private const int Decided = 1;
        private const int Released = 2;
        private readonly ConnectionAdmission _admission;
        private readonly IPAddress _address;
        private int _state;

        public AdmissionTicket(ConnectionAdmission admission, IPAddress address)
        {
            _admission = admission;
            _address = address;
        }

        public bool IsDecided => Volatile.Read(ref _state) != Undecided;

        /// <summary>The connection was allowed to publish or play: it no longer counts as undecided.</summary>
        public void MarkDecided()
        {
            if (Interlocked.CompareExchange(ref _state, Decided, Undecided) == Undecided)
            {
                _admission.Decide();
            }
        }

        /// <summary>The connection ended: its place is free.</summary>
        public void Release()
        {
            var previous = Interlocked.Exchange(ref _state, Released);
            if (previous != Released)
            {
                _admission.Release(_address, previous == Undecided);
            }
        }
    }
}
