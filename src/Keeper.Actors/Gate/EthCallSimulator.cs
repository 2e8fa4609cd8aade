using Keeper.Chain.Contracts.Reverts;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;

namespace Keeper.Actors.Gate;

/// <summary>
/// Simulates with <c>eth_call</c> at the latest state and a block-time override (the fourth parameter, which geth and
/// anvil accept), so a deadline rule is checked exactly as the next block will check it.
/// </summary>
public sealed class EthCallSimulator(EthApi eth) : ICallSimulator
{
    /// <inheritdoc />
    public async Task<string?> SimulateAsync(ContractCall call, Address from, ulong nextBlockTime, CancellationToken cancellationToken)
    {
        try
        {
            await eth.CallAsync(new CallRequest(call.To, call.Data, from), BlockTag.Latest, cancellationToken, new BlockOverrides(Time: nextBlockTime));
            return null;
        }
        catch (JsonRpcNodeException ex)
        {
            return ex.RevertData is { } data ? RevertDecoder.Decode(data).ToString() : ex.NodeMessage;
        }
    }
}
