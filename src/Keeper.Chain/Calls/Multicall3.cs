using Keeper.Chain.Abi;
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
    /// <summary>The function as Multicall3 declares it.</summary>
    public static AbiFunction Aggregate3 { get; } =
        AbiFunction.Parse("function aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable returns ((bool success, bytes returnData)[] returnData)");

    /// <summary>Runs the calls through the contract at <paramref name="multicall"/> and returns their results in order.</summary>
    /// <exception cref="EthResponseException">The contract answered with a different number of results than calls.</exception>
    public static async Task<IReadOnlyList<CallResult>> Aggregate3Async(
        EthApi eth, Address multicall, IReadOnlyList<CallRequest> calls, BlockTag block, CancellationToken cancellationToken)
    {
        var encodedCalls = calls.Select(c => (object?)new object?[] { c.To, true, c.Data }).ToArray();
        var data = Aggregate3.EncodeCall([encodedCalls]);
        var returned = await eth.CallAsync(new CallRequest(multicall, data), block, cancellationToken);
        var decoded = (object?[])Aggregate3.DecodeOutput(returned)[0]!;
        if (decoded.Length != calls.Count)
        {
            throw new EthResponseException("eth_call", $"aggregate3 at {multicall} returned {decoded.Length} results for {calls.Count} calls.");
        }

        return decoded.Select(r =>
        {
            var pair = (object?[])r!;
            return new CallResult((bool)pair[0]!, (byte[])pair[1]!, null);
        }).ToArray();
    }
}
