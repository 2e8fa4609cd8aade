using System.Numerics;
using Keeper.Chain.Abi;
using Keeper.Chain.Calls;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>rocketMegapoolManager: the global validator index, the way to enumerate every megapool validator.</summary>
public sealed class MegapoolManager(EthApi eth, BatchCaller batch, Address address)
{
    /// <summary><c>getValidatorCount()</c>.</summary>
    public static AbiFunction GetValidatorCountFunction { get; } = AbiFunction.Parse("function getValidatorCount() view returns (uint256)");

    private static readonly AbiType[] EntryV2 = [AbiType.Bytes, ValidatorInfo.V2Type, AbiType.Address, AbiType.UInt(32)];
    private static readonly AbiType[] EntryV1 = [AbiType.Bytes, ValidatorInfo.V1Type, AbiType.Address, AbiType.UInt(32)];

    /// <summary><c>getValidatorInfo(uint256)</c>, returning <c>(bytes pubkey, ValidatorInfo info, address megapool, uint32 validatorId)</c>.</summary>
    public static AbiFunction GetValidatorInfoFunction { get; } =
        new("getValidatorInfo", [new AbiParameter("index", AbiType.UInt256)], [new AbiParameter("", AbiType.Bytes), new AbiParameter("", ValidatorInfo.V2Type), new AbiParameter("", AbiType.Address), new AbiParameter("", AbiType.UInt(32))]);

    /// <summary>The contract's address.</summary>
    public Address Address { get; } = address;

    /// <summary>How many validators the index holds.</summary>
    public async Task<ulong> GetValidatorCountAsync(BlockTag block, CancellationToken cancellationToken)
    {
        var result = await eth.CallAsync(new CallRequest(Address, GetValidatorCountFunction.EncodeCall()), block, cancellationToken);
        return (ulong)(BigInteger)GetValidatorCountFunction.DecodeOutput(result)[0]!;
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
            calls[i] = new CallRequest(Address, GetValidatorInfoFunction.EncodeCall(new BigInteger(from + i)));
        }

        var index = from;
        await foreach (var results in batch.CallInChunksAsync(calls, block, cancellationToken))
        {
            var validators = new ManagedValidator[results.Count];
            for (var i = 0; i < results.Count; i++)
            {
                validators[i] = Decode(index + (ulong)i, results[i].GetReturnDataOrThrow((int)(index - from) + i));
            }

            index += (ulong)results.Count;
            yield return validators;
        }
    }

    /// <summary>Decodes an answer of <c>getValidatorInfo(uint256)</c> in either <see cref="ValidatorInfoLayout"/>.</summary>
    public static ManagedValidator Decode(ulong index, ReadOnlySpan<byte> data)
    {
        // The struct is static, so it sits in the head after the pubkey's offset word; that offset tells the layout.
        if (data.Length < 32)
        {
            throw new RocketPoolBindingException($"getValidatorInfo({index}) returned {data.Length} bytes.");
        }

        var offset = new BigInteger(data[..32], isUnsigned: true, isBigEndian: true);
        var types = offset == 32 + ValidatorInfo.EncodedSize(ValidatorInfoLayout.V1) + 64 ? EntryV1 : EntryV2;
        var values = AbiDecoder.Decode(types, data);
        return new ManagedValidator(index, (byte[])values[0]!, ValidatorInfo.FromTuple((object?[])values[1]!), (Address)values[2]!, (uint)(BigInteger)values[3]!);
    }
}
