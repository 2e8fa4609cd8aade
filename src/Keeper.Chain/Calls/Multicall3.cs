using Keeper.Chain.Calls.Multicall3Definition;
using Keeper.Chain.Contracts;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Calls;

/// <summary>
/// Multicall3's <c>aggregate3((address,bool,bytes)[])</c>: many reads in one <c>eth_call</c>. Every call is sent with
/// <c>allowFailure = true</c>, so one revert does not fail the others. The called contracts see the Multicall3
/// contract as <c>msg.sender</c>, so a <see cref="CallRequest.From"/> is not honoured here.
/// </summary>
public static class Multicall3
{
    /// <summary>Runs the calls through the contract at <paramref name="multicall"/> and returns their results in order.</summary>
    /// <exception cref="EthResponseException">The contract answered with a different number of results than calls.</exception>
    /// <exception cref="ContractDecodingException">The answer is not <c>aggregate3</c>'s encoding.</exception>
    public static async Task<IReadOnlyList<CallResult>> Aggregate3Async(
        EthApi eth, Address multicall, IReadOnlyList<CallRequest> calls, BlockTag block, CancellationToken cancellationToken)
    {
        var function = new Aggregate3Function
        {
            Calls = [.. calls.Select(c => new Call3 { Target = c.To.ToLowerHex(), AllowFailure = true, CallData = c.Data })],
        };
        var returned = await eth.CallAsync(ContractAbi.Call(multicall, function), block, cancellationToken);
        var what = $"aggregate3 at {multicall}";
        var decoded = (object?[])ContractAbi.DecodeOutputValues<Aggregate3Function>(returned, what)[0]!;
        if (decoded.Length != calls.Count)
        {
            throw new EthResponseException("eth_call", $"{what} returned {decoded.Length} results for {calls.Count} calls.");
        }

        return decoded.Select(r => r is object?[] { Length: 2 } result && result[0] is bool success && result[1] is byte[] data
            ? new CallResult(success, data, null)
            : throw new ContractDecodingException(what, returned, "a result is not a (bool success, bytes returnData) pair")).ToArray();
    }
}
