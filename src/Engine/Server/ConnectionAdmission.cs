using System;
using System.Collections.Generic;
using System.Net;

namespace RtmpXProtect.Engine.Server
{
    /// <summary>
    /// Decides, before a connection object exists, whether an accepted socket may stay: total cap,
    /// per-address cap, per-address token bucket and the cap on undecided connections. One lock
    /// makes every check and count change one step, so two accepts can never both take the last
    /// place (the seed checked and counted separately, and raced). Time is passed in.
    /// </summary>
    internal sealed class ConnectionAdmission
    {
        private static readonly TimeSpan RejectionLogInterval = TimeSpan.FromSeconds(1);
        private readonly object _gate = new object();
        private readonly Dictionary<IPAddress, AddressState> _addresses = new Dictionary<IPAddress, AddressState>();
        private AdmissionLimits _limits;
        private int _total;
        private int _undecided;

        public ConnectionAdmission(AdmissionLimits limits)
        {
            _limits = limits;
        }

        /// <summary>Replaces the limits: counts and buckets stay, the next check uses the new values.</summary>
        public void Replace(AdmissionLimits limits)
        {
            lock (_gate)
            {
                _limits = limits;
            }
        }

        public int Total
        {
            get
            {
                lock (_gate)
                {
                    return _total;
                }
            }
        }

        public int Undecided
        {
            get
            {
                lock (_gate)
                {
                    return _undecided;
                }
            }
        }

        /// <summary>
        /// Takes a place for a connection from <paramref name="address"/>, or says why not. Every
        /// attempt takes a token, refused or not, so a flooding address stays limited.
        /// <paramref name="logRejection"/> is true for at most one refusal per address per second.
        /// </summary>
        public RejectionReason? TryAdmit(IPAddress address, TimeSpan now, out AdmissionTicket? ticket, out bool logRejection)
        {
            ticket = null;
            logRejection = false;
            lock (_gate)
            {
                if (!_addresses.TryGetValue(address, out var state))
                {
                    state = new AddressState(_limits.NewConnectionsPerSecondPerAddress, now);
                    _addresses.Add(address, state);
                }

                var reason = Check(state, now);
                if (reason != null)
                {
                    if (now - state.LastRejectionLogged >= RejectionLogInterval || !state.RejectionLogged)
                    {
                        state.RejectionLogged = true;
                        state.LastRejectionLogged = now;
                        logRejection = true;
                    }

                    return reason;
                }

                state.Connections++;
                _total++;
                _undecided++;
                ticket = new AdmissionTicket(this, address);
                return null;
            }
        }

        /// <summary>Forgets addresses with no connection and a full bucket; bounds the table to recent peers.</summary>
        public void Prune(TimeSpan now)
        {
            lock (_gate)
            {
                List<IPAddress>? idle = null;
                foreach (var pair in _addresses)
                {
                    var state = pair.Value;
                    state.Refill(_limits.NewConnectionsPerSecondPerAddress, now);
                    if (state.Connections == 0 && state.Tokens >= _limits.NewConnectionsPerSecondPerAddress && now - state.LastRejectionLogged >= RejectionLogInterval)
                    {
                        (idle ??= new List<IPAddress>()).Add(pair.Key);
                    }
                }

                if (idle != null)
                {
                    foreach (var address in idle)
                    {
                        _addresses.Remove(address);
                    }
                }
            }
        }

        internal void Decide()
        {
            lock (_gate)
            {
                _undecided--;
            }
        }

        internal void Release(IPAddress address, bool undecided)
        {
            lock (_gate)
            {
                _total--;
                if (undecided)
                {
                    _undecided--;
                }

                if (_addresses.TryGetValue(address, out var state))
                {
                    state.Connections--;
                }
            }
        }

        private RejectionReason? Check(AddressState state, TimeSpan now)
        {
            int rate = _limits.NewConnectionsPerSecondPerAddress;
            state.Refill(rate, now);
            if (state.Tokens < 1)
            {
                return RejectionReason.ConnectionRateExceeded;
            }

            state.Tokens -= 1;
            if (_total >= _limits.MaxConnections)
            {
                return RejectionReason.TooManyConnections;
            }

            if (state.Connections >= _limits.MaxConnectionsPerAddress)
            {
                return RejectionReason.TooManyConnectionsFromAddress;
            }

            if (_undecided >= _limits.MaxUndecidedConnections)
            {
                return RejectionReason.TooManyUndecidedConnections;
            }

            return null;
        }

        private sealed class AddressState
        {
            public AddressState(int rate, TimeSpan now)
            {
                Tokens = rate;
                LastRefill = now;
            }

            public int Connections { get; set; }

            public double Tokens { get; set; }

            public TimeSpan LastRefill { get; private set; }

            public bool RejectionLogged { get; set; }

            public TimeSpan LastRejectionLogged { get; set; }

            // The burst equals the rate: a full second's worth of tokens at most.
            public void Refill(int rate, TimeSpan now)
            {
                var elapsed = now - LastRefill;
                if (elapsed > TimeSpan.Zero)
                {
                    Tokens = Math.Min(rate, Tokens + (elapsed.TotalSeconds * rate));
                    LastRefill = now;
                }
            }
        }
    }
}
