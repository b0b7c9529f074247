using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using RtmpXProtect.Engine.Server;
using Xunit;

namespace RtmpXProtect.Engine.Tests.Server
{
    /// <summary>The admission component alone, with time passed in: no sockets, no sleeps.</summary>
    public class AdmissionCountingTests
    {
        private static readonly IPAddress A = IPAddress.Parse("192.0.2.1");
        private static readonly IPAddress B = IPAddress.Parse("192.0.2.2");
        private static readonly TimeSpan T0 = TimeSpan.FromSeconds(100);

        [Fact]
        public void Refuses_past_the_total_cap_and_admits_again_after_a_release()
        {
            var admission = new ConnectionAdmission(new AdmissionLimits { MaxConnections = 2, MaxConnectionsPerAddress = 10 });
            var first = Admit(admission, A, T0);
            Admit(admission, B, T0);
            Assert.Equal(RejectionReason.TooManyConnections, admission.TryAdmit(A, T0, out var refused, out _));
            Assert.Null(refused);
            first.Release();
            Assert.Equal(1, admission.Total);
            Admit(admission, A, T0);
        }

        [Fact]
        public void Refuses_past_the_per_address_cap_while_other_addresses_get_in()
        {
            var admission = new ConnectionAdmission(new AdmissionLimits { MaxConnectionsPerAddress = 2 });
            Admit(admission, A, T0);
            Admit(admission, A, T0);
            Assert.Equal(RejectionReason.TooManyConnectionsFromAddress, admission.TryAdmit(A, T0, out _, out _));
            Admit(admission, B, T0);
        }

        [Fact]
        public void The_token_bucket_allows_a_burst_of_the_rate_then_refills_with_time()
        {
            var admission = new ConnectionAdmission(new AdmissionLimits { NewConnectionsPerSecondPerAddress = 4 });
            for (var i = 0; i < 4; i++)
            {
                Admit(admission, A, T0).Release();
            }

            Assert.Equal(RejectionReason.ConnectionRateExceeded, admission.TryAdmit(A, T0, out _, out _));

            // A quarter second brings one token back at 4 per second, and only one.
            var later = T0 + TimeSpan.FromMilliseconds(250);
            Admit(admission, A, later).Release();
            Assert.Equal(RejectionReason.ConnectionRateExceeded, admission.TryAdmit(A, later, out _, out _));

            // Another address has its own bucket.
            Admit(admission, B, later);

            // Idle for long, the bucket holds one burst, not more.
            var much = later + TimeSpan.FromMinutes(5);
            for (var i = 0; i < 4; i++)
            {
                Admit(admission, A, much).Release();
            }

            Assert.Equal(RejectionReason.ConnectionRateExceeded, admission.TryAdmit(A, much, out _, out _));
        }

        [Fact]
        public void The_undecided_cap_refuses_new_peers_and_a_decision_frees_a_place()
        {
            var admission = new ConnectionAdmission(new AdmissionLimits { MaxUndecidedConnections = 2, MaxConnections = 10 });
            var first = Admit(admission, A, T0);
            var second = Admit(admission, B, T0);
            Assert.Equal(RejectionReason.TooManyUndecidedConnections, admission.TryAdmit(A, T0, out _, out _));

            first.MarkDecided();
            first.MarkDecided();
            Assert.Equal(1, admission.Undecided);
            var third = Admit(admission, A, T0);

            // Releasing a decided connection frees no undecided place; releasing twice counts once.
            first.Release();
            first.Release();
            Assert.Equal(2, admission.Undecided);
            Assert.Equal(2, admission.Total);
            second.Release();
            third.Release();
            Assert.Equal(0, admission.Undecided);
            Assert.Equal(0, admission.Total);
        }

        [Fact]
        public void A_refusal_is_logged_once_per_address_per_second()
        {
            var admission = new ConnectionAdmission(new AdmissionLimits { NewConnectionsPerSecondPerAddress = 1 });
            Admit(admission, A, T0);
            admission.TryAdmit(A, T0, out _, out var log1);
            admission.TryAdmit(A, T0 + TimeSpan.FromMilliseconds(10), out _, out var log2);
            admission.TryAdmit(B, T0, out _, out _);
            admission.TryAdmit(B, T0, out _, out var logB);
            Assert.True(log1);
            Assert.False(log2);
            Assert.True(logB);
            admission.TryAdmit(A, T0 + TimeSpan.FromMilliseconds(1500), out _, out _);
            admission.TryAdmit(A, T0 + TimeSpan.FromMilliseconds(1500), out _, out var log3);
            Assert.True(log3);
        }

        [Fact]
        public void Pruning_forgets_idle_addresses_but_keeps_their_counts_right()
        {
            var admission = new ConnectionAdmission(new AdmissionLimits { MaxConnectionsPerAddress = 1, NewConnectionsPerSecondPerAddress = 2 });
            var held = Admit(admission, A, T0);
            Admit(admission, B, T0).Release();
            admission.Prune(T0 + TimeSpan.FromSeconds(10));
            Assert.Equal(RejectionReason.TooManyConnectionsFromAddress, admission.TryAdmit(A, T0 + TimeSpan.FromSeconds(10), out _, out _));
            held.Release();
            Admit(admission, A, T0 + TimeSpan.FromSeconds(20));
            Admit(admission, B, T0 + TimeSpan.FromSeconds(20));
        }

        [Fact]
        public async Task Concurrent_admissions_never_exceed_the_caps()
        {
            var admission = new ConnectionAdmission(new AdmissionLimits { MaxConnections = 50, MaxConnectionsPerAddress = 100_000, NewConnectionsPerSecondPerAddress = 100_000, MaxUndecidedConnections = 100_000 });
            var admitted = new System.Collections.Concurrent.ConcurrentBag<AdmissionTicket>();
            await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
            {
                for (var i = 0; i < 1000; i++)
                {
                    if (admission.TryAdmit(A, T0, out var ticket, out _) == null)
                    {
                        admitted.Add(ticket!);
                    }
                }
            })));

            Assert.Equal(50, admitted.Count);
            Assert.Equal(50, admission.Total);
            await Task.WhenAll(admitted.Select(t => Task.Run(() => { t.MarkDecided(); t.Release(); })));
            Assert.Equal(0, admission.Total);
            Assert.Equal(0, admission.Undecided);
        }

        [Fact]
        public void Random_admits_decisions_and_releases_keep_every_count_within_its_cap()
        {
            var limits = new AdmissionLimits { MaxConnections = 20, MaxConnectionsPerAddress = 6, NewConnectionsPerSecondPerAddress = 5, MaxUndecidedConnections = 8 };
            var admission = new ConnectionAdmission(limits);
            var addresses = new[] { A, B, IPAddress.Parse("2001:db8::1"), IPAddress.Parse("198.51.100.7") };
            var held = new List<(IPAddress Address, AdmissionTicket Ticket)>();
            var random = new Random(1234);
            var now = T0;
            for (var step = 0; step < 5000; step++)
            {
                now += TimeSpan.FromMilliseconds(random.Next(0, 120));
                switch (random.Next(4))
                {
                    case 0:
                    case 1:
                        var address = addresses[random.Next(addresses.Length)];
                        if (admission.TryAdmit(address, now, out var ticket, out _) == null)
                        {
                            held.Add((address, ticket!));
                        }

                        break;
                    case 2 when held.Count > 0:
                        held[random.Next(held.Count)].Ticket.MarkDecided();
                        break;
                    case 3 when held.Count > 0:
                        var index = random.Next(held.Count);
                        held[index].Ticket.Release();
                        held.RemoveAt(index);
                        break;
                }

                if (step % 50 == 0)
                {
                    admission.Prune(now);
                }

                Assert.Equal(held.Count, admission.Total);
                Assert.Equal(held.Count(h => !h.Ticket.IsDecided), admission.Undecided);
                Assert.True(admission.Total <= limits.MaxConnections);
                Assert.True(admission.Undecided <= limits.MaxUndecidedConnections);
                Assert.All(addresses, a => Assert.True(held.Count(h => h.Address.Equals(a)) <= limits.MaxConnectionsPerAddress));
            }
        }

        [Fact]
        public void Counters_count_each_reason_and_snapshot_every_reason()
        {
            var counters = new RejectionCounters();
            counters.Increment(RejectionReason.DecisionTimeout);
            counters.Increment(RejectionReason.DecisionTimeout);
            counters.Increment(RejectionReason.MemoryBudgetExceeded);
            var snapshot = counters.Snapshot();
            Assert.Equal(Enum.GetValues(typeof(RejectionReason)).Length, snapshot.Count);
            Assert.Equal(2, snapshot[RejectionReason.DecisionTimeout]);
            Assert.Equal(1, counters[RejectionReason.MemoryBudgetExceeded]);
            Assert.Equal(0, snapshot[RejectionReason.TooManyConnections]);
        }

        private static AdmissionTicket Admit(ConnectionAdmission admission, IPAddress address, TimeSpan now)
        {
            Assert.Null(admission.TryAdmit(address, now, out var ticket, out var log));
            Assert.False(log);
            return ticket!;
        }
    }
}
