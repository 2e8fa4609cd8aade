using System.Collections.Immutable;
using Keeper.Chain.Contracts;
using Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;
using Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;
using Keeper.Chain.Primitives;
using MinipoolDissolve = Keeper.Chain.Contracts.RocketPool.MinipoolDefinition.DissolveFunction;

namespace Keeper.Actors.Submission;

/// <summary>
/// The (contract, function) pairs the submitter may sign, and nothing else: the megapool proxies Keeper tracks with
/// <c>dissolveValidator</c>, the resolved RocketMegapoolManager with <c>notifyExit</c>, <c>dissolve</c> and
/// <c>notifyFinalBalance</c>, and the minipools Keeper tracks with <c>dissolve</c>. The tracked pools grow while the node
/// runs and the manager moves when a DAO upgrade re-resolves it, so this is a live view: the chain watcher's stream updates
/// it (<see cref="AllowListFeed"/>) while the submitter reads it from another thread. Each update swaps one immutable
/// snapshot, so a reader sees either the list before or the list after, never half of it.
/// </summary>
public sealed class AllowList : ICallAllowList
{
    // From the typed bindings: the pair is checked against the same ABI the calls are encoded with.
    private static readonly ImmutableArray<(string Selector, string Name)> ManagerFunctions =
    [
        (Hex.Encode(ContractAbi.Selector<NotifyExitFunction>()), "notifyExit"),
        (Hex.Encode(ContractAbi.Selector<DissolveWithProofFunction>()), "dissolve"),
        (Hex.Encode(ContractAbi.Selector<NotifyFinalBalanceFunction>()), "notifyFinalBalance"),
    ];

    private static readonly ImmutableArray<(string Selector, string Name)> MegapoolFunctions =
        [(Hex.Encode(ContractAbi.Selector<DissolveValidatorFunction>()), "dissolveValidator")];

    private static readonly ImmutableArray<(string Selector, string Name)> MinipoolFunctions =
        [(Hex.Encode(ContractAbi.Selector<MinipoolDissolve>()), "dissolve")];

    private readonly Lock _writer = new();
    private Snapshot _current;

    /// <summary>Starts with the manager resolved at start and no pools yet.</summary>
    /// <param name="megapoolManager">RocketMegapoolManager as resolved from RocketStorage.</param>
    public AllowList(Address megapoolManager)
    {
        _current = new Snapshot(megapoolManager, [], []);
    }

    /// <summary>The manager currently allowed.</summary>
    public Address MegapoolManager => Volatile.Read(ref _current).Manager;

    /// <summary>How many megapools are allowed.</summary>
    public int Megapools => Volatile.Read(ref _current).Megapools.Count;

    /// <summary>How many minipools are allowed.</summary>
    public int Minipools => Volatile.Read(ref _current).Minipools.Count;

    /// <summary>Allows <c>dissolveValidator</c> on these megapools (Keeper tracks them from now on).</summary>
    public void AddMegapools(IEnumerable<Address> megapools) => Update(s => s with { Megapools = s.Megapools.Union(megapools) });

    /// <summary>Allows <c>dissolve</c> on these minipools (Keeper tracks them from now on).</summary>
    public void AddMinipools(IEnumerable<Address> minipools) => Update(s => s with { Minipools = s.Minipools.Union(minipools) });

    /// <summary>Moves the manager's functions to <paramref name="manager"/> (an upgrade re-resolved it); the old address is no longer allowed.</summary>
    public void UseMegapoolManager(Address manager) => Update(s => s with { Manager = manager });

    /// <inheritdoc />
    public string? Refusal(Address to, ReadOnlySpan<byte> data)
    {
        if (data.Length < 4)
        {
            return $"the call to {to} has {data.Length} bytes of data, no function selector; only allow-listed (contract, function) pairs are signed";
        }

        var selector = Hex.Encode(data[..4]);
        var current = Volatile.Read(ref _current);
        var (role, functions) = to == current.Manager ? ("the RocketMegapoolManager", ManagerFunctions)
            : current.Megapools.Contains(to) ? ("tracked megapool", MegapoolFunctions)
            : current.Minipools.Contains(to) ? ("tracked minipool", MinipoolFunctions)
            : (null, default);
        if (role is null)
        {
            return $"{to} is neither the RocketMegapoolManager ({current.Manager}) nor a megapool or minipool Keeper tracks, so no call to it is signed (selector {selector})";
        }

        foreach (var (allowed, _) in functions)
        {
            if (allowed == selector)
            {
                return null;
            }
        }

        return $"selector {selector} on {role} {to} is not on the allow-list; there only {string.Join(", ", functions.Select(f => $"{f.Name} ({f.Selector})"))} is signed";
    }

    private void Update(Func<Snapshot, Snapshot> change)
    {
        lock (_writer)
        {
            Volatile.Write(ref _current, change(_current));
        }
    }

    private sealed record Snapshot(Address Manager, ImmutableHashSet<Address> Megapools, ImmutableHashSet<Address> Minipools);
}
