using Keeper.Chain.Contracts.RocketPool.MegapoolFactoryDefinition;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>RocketMegapoolFactory: where each node operator's megapool lives (one per operator, a CREATE2 address).</summary>
public sealed class MegapoolFactory(EthApi eth, Address address)
{
    /// <summary>The factory's address (resolved from RocketStorage).</summary>
    public Address Address { get; } = address;

    /// <summary>The megapool of <paramref name="node"/>, whether deployed yet or not.</summary>
    public async Task<Address> GetExpectedAddressAsync(Address node, BlockTag block, CancellationToken cancellationToken) =>
        Address.Parse(ContractAbi.DecodeReturn<GetExpectedAddressFunction, string>(
            await eth.CallAsync(ContractAbi.Call(Address, new GetExpectedAddressFunction { NodeAddress = node.ToString() }), block, cancellationToken)));
}
