namespace Keeper.Host.Devnet.GoGoPool;

/// <summary>The report's <c>gogopool</c> object: what was seeded on the second chain, the alerts it must raise, and what each node raised.</summary>
/// <param name="ChainId">The second chain's id.</param>
/// <param name="Minipools">Minipools seeded, by status.</param>
/// <param name="ExpectedAlerts">The keys of the alerts the seeding must raise, each once per node.</param>
/// <param name="Nodes">Each node's alerts, read from its <c>GET /api/gogopool</c> at the end of the run.</param>
public sealed record GoGoPoolReport(ulong ChainId, IReadOnlyDictionary<string, int> Minipools, IReadOnlyList<string> ExpectedAlerts, IReadOnlyList<GoGoPoolNodeAlerts> Nodes);
