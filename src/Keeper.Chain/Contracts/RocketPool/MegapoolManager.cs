using System.Numerics;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>
/// rocketMegapoolManager: the global validator index, the way to enumerate every megapool validator, and the calls that
/// carry beacon proofs (exit reports, proof dissolves, final balances).
/// </summary>
public sealed class MegapoolManager(EthApi eth, BatchCaller batch, Address address)
{
    /// <summary>The contract's address.</summary>
    public Address Address { get; } = address;

    /// <summary>
    /// The call that reports validator <paramref name="validatorId"/> of <paramref name="megapool"/> exiting, proven at the
    /// beacon block root EIP-4788 holds under <paramref name="slotTimestamp"/>.
    /// </summary>
    public static ContractCall NotifyExit(Address manager, Address megapool, uint validatorId, ulong slotTimestamp, ValidatorProofStruct validatorProof, SlotProofStruct slotProof) =>
        ValidatorProofCall<NotifyExitFunction>(manager, megapool, validatorId, slotTimestamp, validatorProof, slotProof,
            $"notifyExit({megapool}, {validatorId}) at slot {slotProof.Slot} on manager {manager}");

    /// <summary>The call that dissolves a non-compliant prestaked validator with a proof (the manager's <c>dissolve</c>).</summary>
    public static ContractCall DissolveWithProof(Address manager, Address megapool, uint validatorId, ulong slotTimestamp, ValidatorProofStruct validatorProof, SlotProofStruct slotProof) =>
        ValidatorProofCall<DissolveWithProofFunction>(manager, megapool, validatorId, slotTimestamp, validatorProof, slotProof,
            $"dissolve({megapool}, {validatorId}) with a proof at slot {slotProof.Slot} on manager {manager}");

    /// <summary>The call that reports an exited validator's final withdrawal.</summary>
    public static ContractCall NotifyFinalBalance(
        Address manager, Address megapool, uint validatorId, ulong slotTimestamp, WithdrawalProofStruct withdrawalProof, ValidatorProofStruct validatorProof, SlotProofStruct slotProof) =>
        new(manager, new NotifyFinalBalanceFunction
        {
            Megapool = megapool.ToLowerHex(), ValidatorId = validatorId, SlotTimestamp = slotTimestamp,
            WithdrawalProof = withdrawalProof, ValidatorProof = validatorProof, SlotProof = slotProof,
        }.GetCallData(), $"notifyFinalBalance({megapool}, {validatorId}) of the withdrawal at slot {withdrawalProof.WithdrawalSlot} on manager {manager}");

    private static ContractCall ValidatorProofCall<TFunction>(
        Address manager, Address megapool, uint validatorId, ulong slotTimestamp, ValidatorProofStruct validatorProof, SlotProofStruct slotProof, string description)
        where TFunction : ValidatorProofFunction, new() =>
        new(manager, new TFunction
        {
            Megapool = megapool.ToLowerHex(), ValidatorId = validatorId, SlotTimestamp = slotTimestamp, ValidatorProof = validatorProof, SlotProof = slotProof,
        }.GetCallData(), description);

    /// <summary>How many validators the index holds.</summary>
    public async Task<ulong> GetValidatorCountAsync(BlockTag block, CancellationToken cancellationToken)
    {
        var result = await eth.CallAsync(ContractAbi.Call<GetValidatorCountFunction>(Address), block, cancellationToken);
        return ContractAbi.DecodeReturn<GetValidatorCountFunction, ulong>(result);
    }

    /// <summary>Reads <paramref name="count"/> entries of the index from <paramref name="from"/> on, in order.</summary>
    public async Task<IReadOnlyList<ManagedValidator>> GetValidatorsAsync(ulong from, ulong count, BlockTag block, CancellationToken cancellationToken)
    {
        var validators = new List<ManagedValidator>((int)count);
        await foreach (var part in ReadValidatorsAsync(from, count, block, cancellationToken))
        {
            validators.AddRange(part);
        }

        return validators;
    }

    /// <summary>
    /// Reads <paramref name="count"/> entries of the index from <paramref name="from"/> on and yields them in order, one
    /// batch request's worth at a time, while the batch caller keeps the next requests running.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<ManagedValidator>> ReadValidatorsAsync(ulong from, ulong count, BlockTag block, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var calls = new CallRequest[count];
        for (ulong i = 0; i < count; i++)
        {
            calls[i] = GetValidatorInfoCall(Address, from + i);
        }

        await foreach (var validators in batch.CallInChunksAsync(calls, block, (results, first) => DecodeChunk(results, from, first), cancellationToken))
        {
            yield return validators;
        }
    }

    private static ManagedValidator[] DecodeChunk(IReadOnlyList<CallResult> results, ulong from, int first)
    {
        var validators = new ManagedValidator[results.Count];
        for (var i = 0; i < results.Count; i++)
        {
            validators[i] = Decode(from + (ulong)(first + i), results[i].GetReturnDataOrThrow(first + i));
        }

        return validators;
    }

    /// <summary>The read of entry <paramref name="index"/> of the index, decoded by <see cref="Decode"/>.</summary>
    public static CallRequest GetValidatorInfoCall(Address manager, ulong index) =>
        ContractAbi.Call(manager, new GetValidatorInfoFunction { Index = index });

    /// <summary>Decodes an answer of <c>getValidatorInfo(uint256)</c> in either <see cref="ValidatorInfoLayout"/>.</summary>
    /// <exception cref="ContractDecodingException">The answer is neither layout's encoding.</exception>
    public static ManagedValidator Decode(ulong index, ReadOnlySpan<byte> data)
    {
        // The struct is static, so it sits in the head after the pubkey's offset word; that offset tells the layout.
        if (data.Length < 32)
        {
            throw new RocketPoolBindingException($"getValidatorInfo({index}) returned {data.Length} bytes.");
        }

        var what = $"getValidatorInfo({index})";
        var offset = new BigInteger(data[..32], isUnsigned: true, isBigEndian: true);
        if (offset == 32 + ValidatorInfo.EncodedSize(ValidatorInfoLayout.V1) + 64)
        {
            var v1 = ContractAbi.DecodeOutput<ManagedValidatorV1Output>(data.ToArray(), what);
            return Entry(index, v1, ValidatorInfo.From(v1.Info));
        }

        var v2 = ContractAbi.DecodeOutput<ManagedValidatorV2Output>(data.ToArray(), what);
        return Entry(index, v2, ValidatorInfo.From(v2.Info));
    }

    private static ManagedValidator Entry(ulong index, ManagedValidatorFields entry, ValidatorInfo info) =>
        new(index, entry.Pubkey, info, Address.Parse(entry.Megapool), entry.ValidatorId);
}
