using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool.RocketStorageDefinition;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.GoGoPool;

/// <summary>
/// GoGoPool's Storage: the one address a deployment is known by. Its registry has the same <c>getAddress(bytes32)</c> and
/// key encoding as RocketStorage; an upgrade re-registers a name, so the keeper resolves the contracts at start and again
/// with the settings.
/// </summary>
public sealed class GoGoStorage(EthApi eth, Address address)
{
    /// <summary>The contract's address.</summary>
    public Address Address { get; } = address;

    /// <summary>Checks that Storage is a contract, then resolves every contract the keeper uses, in one batch.</summary>
    /// <exception cref="GoGoPoolBindingException">Storage is not a contract, or a name is not registered (zero address).</exception>
    public async Task<GoGoPoolDeployment> ResolveAsync(BatchCaller batch, BlockTag block, CancellationToken cancellationToken)
    {
        var code = await eth.GetCodeAsync(Address, block, cancellationToken);
        if (code.Length == 0)
        {
            throw new GoGoPoolBindingException($"No contract at the configured GoGoPool Storage address {Address}. Check the address and that the RPC endpoint serves the C-Chain it was deployed on.");
        }

        return await ReadAddressesAsync(batch, block, cancellationToken);
    }

    /// <summary>Reads the registered addresses again, in one batch, from a Storage already known to be a contract: the refresh that notices upgrades.</summary>
    /// <exception cref="GoGoPoolBindingException">A name the keeper needs is not registered (zero address).</exception>
    public async Task<GoGoPoolDeployment> ReadAddressesAsync(BatchCaller batch, BlockTag block, CancellationToken cancellationToken)
    {
        var names = GoGoPoolContractNames.All;
        var calls = names.Select(n => ContractAbi.Call(Address, new GetAddressFunction { Key = GoGoPoolContractNames.StorageKey(n).ToArray() })).ToArray();
        var results = await batch.CallAsync(calls, block, cancellationToken);
        var resolved = new Dictionary<string, Address>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var registered = Address.Parse(ContractAbi.DecodeReturn<GetAddressFunction, string>(results[i].GetReturnDataOrThrow(i)));
            resolved[names[i]] = registered != Address.Zero
                ? registered
                : throw new GoGoPoolBindingException($"GoGoPool Storage at {Address} has no address registered for '{names[i]}'. Is this the right Storage for the network?");
        }

        return new GoGoPoolDeployment(
            Address,
            resolved[GoGoPoolContractNames.MinipoolManager],
            resolved[GoGoPoolContractNames.RewardsPool],
            resolved[GoGoPoolContractNames.ProtocolDao]);
    }
}
