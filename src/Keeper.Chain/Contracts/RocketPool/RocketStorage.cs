using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool.RocketStorageDefinition;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>
/// RocketStorage: the one address a network is known by. Every other contract is found with <c>getAddress(bytes32)</c>,
/// and re-registered there when upgraded, so the keeper resolves them at start and reads them again with the settings.
/// </summary>
public sealed class RocketStorage(EthApi eth, Address address)
{
    /// <summary>The contract's address.</summary>
    public Address Address { get; } = address;

    /// <summary>Checks that RocketStorage is a contract, then resolves every contract the keeper uses, in one batch.</summary>
    /// <exception cref="RocketPoolBindingException">A name is not registered (zero address) or RocketStorage is not a contract.</exception>
    public async Task<RocketPoolDeployment> ResolveAsync(BatchCaller batch, BlockTag block, CancellationToken cancellationToken)
    {
        var code = await eth.GetCodeAsync(Address, block, cancellationToken);
        if (code.Length == 0)
        {
            throw new RocketPoolBindingException($"No contract at the configured RocketStorage address {Address}. Check the address and that the RPC endpoint serves the right network.");
        }

        return await ReadAddressesAsync(batch, block, cancellationToken);
    }

    /// <summary>
    /// Reads the addresses of every contract the keeper uses again, in one batch, from a RocketStorage already known to
    /// be a contract (<see cref="ResolveAsync"/>): the refresh that notices upgrades.
    /// </summary>
    /// <exception cref="RocketPoolBindingException">A name the keeper needs is no longer registered (zero address).</exception>
    public async Task<RocketPoolDeployment> ReadAddressesAsync(BatchCaller batch, BlockTag block, CancellationToken cancellationToken)
    {
        var names = RocketPoolContractNames.All.Concat(RocketPoolContractNames.Optional).ToArray();
        var calls = names.Select(GetAddressCall).ToArray();
        var results = await batch.CallAsync(calls, block, cancellationToken);
        var resolved = new Dictionary<string, Address>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            var address = Address.Parse(ContractAbi.DecodeReturn<GetAddressFunction, string>(results[i].GetReturnDataOrThrow(i)));
            if (address == Address.Zero && i < RocketPoolContractNames.All.Count)
            {
                throw new RocketPoolBindingException($"RocketStorage at {Address} has no address registered for '{names[i]}'. Is this the right RocketStorage for the network?");
            }

            resolved[names[i]] = address;
        }

        return new RocketPoolDeployment(
            Address,
            resolved[RocketPoolContractNames.MegapoolManager],
            resolved[RocketPoolContractNames.MegapoolFactory],
            resolved[RocketPoolContractNames.DepositPool],
            resolved[RocketPoolContractNames.MegapoolSettings],
            resolved[RocketPoolContractNames.MinipoolManager],
            resolved[RocketPoolContractNames.MinipoolSettings],
            [.. RocketPoolContractNames.Optional.Select(n => resolved[n]).Where(a => a != Address.Zero)]);
    }

    private CallRequest GetAddressCall(string contractName) =>
        ContractAbi.Call(Address, new GetAddressFunction { Key = RocketPoolContractNames.StorageKey(contractName).ToArray() });
}
