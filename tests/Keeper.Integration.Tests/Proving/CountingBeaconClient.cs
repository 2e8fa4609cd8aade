using System.Collections.Concurrent;
using Keeper.Chain.Beacon;

namespace Keeper.Integration.Tests.Proving;

/// <summary>Passes every call to a real Beacon API client and counts the SSZ downloads by id, so tests see what a builder fetched.</summary>
internal sealed class CountingBeaconClient(IBeaconClient inner) : IBeaconClient
{
    private readonly ConcurrentQueue<string> _states = new();
    private readonly ConcurrentQueue<string> _blocks = new();

    /// <summary>The state ids downloaded, in order.</summary>
    public IReadOnlyList<string> States => [.. _states];

    /// <summary>The block ids downloaded, in order.</summary>
    public IReadOnlyList<string> Blocks => [.. _blocks];

    public Task<BeaconGenesis> GetGenesisAsync(CancellationToken cancellationToken) => inner.GetGenesisAsync(cancellationToken);

    public Task<BeaconSpec> GetSpecAsync(CancellationToken cancellationToken) => inner.GetSpecAsync(cancellationToken);

    public Task<BeaconHeader> GetHeaderAsync(string blockId, CancellationToken cancellationToken) => inner.GetHeaderAsync(blockId, cancellationToken);

    public Task<IReadOnlyDictionary<ValidatorPubkey, BeaconValidator>> GetValidatorsAsync(IEnumerable<ValidatorPubkey> pubkeys, string stateId, CancellationToken cancellationToken) =>
        inner.GetValidatorsAsync(pubkeys, stateId, cancellationToken);

    public Task<BeaconSszObject> GetStateSszAsync(string stateId, CancellationToken cancellationToken)
    {
        _states.Enqueue(stateId);
        return inner.GetStateSszAsync(stateId, cancellationToken);
    }

    public Task<BeaconSszObject> GetBlockSszAsync(string blockId, CancellationToken cancellationToken)
    {
        _blocks.Enqueue(blockId);
        return inner.GetBlockSszAsync(blockId, cancellationToken);
    }
}
