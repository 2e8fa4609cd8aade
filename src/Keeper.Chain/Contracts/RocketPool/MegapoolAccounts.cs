using System.Numerics;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool.DepositPoolDefinition;
using Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>
/// Reads node operators' deposit credit (rocketDepositPool <c>getNodeCreditBalance</c>) and their megapools' debt and
/// refund value (<c>getDebt</c>, <c>getRefundValue</c>) in batches, all at one block.
/// </summary>
public static class MegapoolAccounts
{
    /// <summary>
    /// Reads the accounts of <paramref name="megapools"/> at <paramref name="block"/>: one batch for the node addresses not
    /// given, then one for the values. A value that cannot be read is null with the reason; the others are still read.
    /// </summary>
    /// <param name="batch">The batch caller.</param>
    /// <param name="depositPool">rocketDepositPool, which holds the credit.</param>
    /// <param name="megapools">Each megapool with its node operator when known (a megapool's operator never changes).</param>
    /// <param name="block">The block every value is read at; pass a number, not "latest", so the values agree.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>One account per megapool, in the order given.</returns>
    public static async Task<IReadOnlyList<MegapoolAccount>> ReadAsync(
        BatchCaller batch, Address depositPool, IReadOnlyList<(Address Megapool, Address? Node)> megapools, BlockTag block, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(megapools);
        var nodes = megapools.Select(m => m.Node).ToArray();
        var problems = new string?[megapools.Count];
        var unknown = Enumerable.Range(0, megapools.Count).Where(i => nodes[i] is null).ToArray();
        if (unknown.Length > 0)
        {
            var answers = await batch.CallAsync(unknown.Select(i => ContractAbi.Call<GetNodeAddressFunction>(megapools[i].Megapool)).ToArray(), block, cancellationToken);
            for (var k = 0; k < unknown.Length; k++)
            {
                var i = unknown[k];
                nodes[i] = Decode(answers[k], k, megapools[i].Megapool, d => Address.Parse(ContractAbi.DecodeReturn<GetNodeAddressFunction, string>(d)), ref problems[i]);
            }
        }

        // Three calls per megapool, in order: debt, refund, credit (the credit only for a known operator).
        var calls = new List<CallRequest>(megapools.Count * 3);
        for (var i = 0; i < megapools.Count; i++)
        {
            calls.Add(ContractAbi.Call<GetDebtFunction>(megapools[i].Megapool));
            calls.Add(ContractAbi.Call<GetRefundValueFunction>(megapools[i].Megapool));
            if (nodes[i] is { } node)
            {
                calls.Add(ContractAbi.Call(depositPool, new GetNodeCreditBalanceFunction { NodeAddress = node.ToString() }));
            }
        }

        var results = await batch.CallAsync(calls, block, cancellationToken);
        var accounts = new MegapoolAccount[megapools.Count];
        var next = 0;
        for (var i = 0; i < megapools.Count; i++)
        {
            var megapool = megapools[i].Megapool;
            var debt = Decode(results[next], next++, megapool, ContractAbi.DecodeReturn<GetDebtFunction, BigInteger>, ref problems[i]);
            var refund = Decode(results[next], next++, megapool, ContractAbi.DecodeReturn<GetRefundValueFunction, BigInteger>, ref problems[i]);
            BigInteger? credit = null;
            if (nodes[i] is not null)
            {
                credit = Decode(results[next], next++, depositPool, ContractAbi.DecodeReturn<GetNodeCreditBalanceFunction, BigInteger>, ref problems[i]);
            }

            accounts[i] = new MegapoolAccount(megapools[i].Megapool, nodes[i], credit, debt, refund, problems[i]);
        }

        return accounts;
    }

    // A failed or undecodable call leaves its value null and says why; the first problem of a megapool is the one kept. A
    // call to an address without code succeeds with no data: a megapool known before it is deployed (an own operator's).
    private static T? Decode<T>(CallResult result, int index, Address target, Func<byte[], T> decode, ref string? problem)
        where T : struct
    {
        if (result is { Success: true, ReturnData.Length: 0 })
        {
            problem ??= $"no contract at {target} answered: not deployed yet";
            return null;
        }

        try
        {
            return decode(result.GetReturnDataOrThrow(index));
        }
        catch (Exception ex) when (ex is BatchCallFailedException or ContractDecodingException)
        {
            problem ??= ex.Message;
            return null;
        }
    }
}
