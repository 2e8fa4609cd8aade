using System.Numerics;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>A node operator's megapool (the proxy; its ABI is the delegate's plus the proxy's).</summary>
public sealed class Megapool(EthApi eth, BatchCaller batch, Address address)
{
    /// <summary>The megapool's address.</summary>
    public Address Address { get; } = address;

    /// <summary>The selector of <c>dissolveValidator(uint32)</c>, for allow-lists of (contract, selector) pairs.</summary>
    public static byte[] DissolveValidatorSelector => ContractAbi.Selector<DissolveValidatorFunction>();

    /// <summary>The call that dissolves validator <paramref name="validatorId"/> of the megapool at <paramref name="megapool"/>.</summary>
    public static ContractCall DissolveValidator(Address megapool, uint validatorId) =>
        new(megapool, new DissolveValidatorFunction { ValidatorId = validatorId }.GetCallData(), $"dissolveValidator({validatorId}) on megapool {megapool}");

    /// <summary>The read of one validator's record, decoded by <see cref="DecodeValidatorInfo"/>.</summary>
    public static CallRequest GetValidatorInfoCall(Address megapool, uint validatorId) =>
        ContractAbi.Call(megapool, new GetValidatorInfoFunction { ValidatorId = validatorId });

    /// <summary>How many validators the megapool holds.</summary>
    public async Task<uint> GetValidatorCountAsync(BlockTag block, CancellationToken cancellationToken) =>
        ContractAbi.DecodeReturn<GetValidatorCountFunction, uint>(await CallAsync<GetValidatorCountFunction>(block, cancellationToken));

    /// <summary>The node operator that owns the megapool.</summary>
    public async Task<Address> GetNodeAddressAsync(BlockTag block, CancellationToken cancellationToken) =>
        Address.Parse(ContractAbi.DecodeReturn<GetNodeAddressFunction, string>(await CallAsync<GetNodeAddressFunction>(block, cancellationToken)));

    /// <summary>The megapool's debt in wei (dissolve penalties, late-notify fines).</summary>
    public async Task<BigInteger> GetDebtAsync(BlockTag block, CancellationToken cancellationToken) =>
        ContractAbi.DecodeReturn<GetDebtFunction, BigInteger>(await CallAsync<GetDebtFunction>(block, cancellationToken));

    /// <summary>One validator's record.</summary>
    public async Task<ValidatorInfo> GetValidatorInfoAsync(uint validatorId, BlockTag block, CancellationToken cancellationToken) =>
        DecodeValidatorInfo(await eth.CallAsync(GetValidatorInfoCall(Address, validatorId), block, cancellationToken));

    /// <summary>Several validators' records in one batch, in the order asked.</summary>
    public async Task<IReadOnlyList<ValidatorInfo>> GetValidatorInfosAsync(IReadOnlyList<uint> validatorIds, BlockTag block, CancellationToken cancellationToken)
    {
        var calls = validatorIds.Select(id => GetValidatorInfoCall(Address, id)).ToArray();
        var results = await batch.CallAsync(calls, block, cancellationToken);
        return results.Select((r, i) => DecodeValidatorInfo(r.GetReturnDataOrThrow(i))).ToArray();
    }

    /// <summary>Decodes an answer of <c>getValidatorInfo(uint32)</c> in either layout, told apart by its length.</summary>
    /// <exception cref="ContractDecodingException">The answer is neither layout's encoding.</exception>
    public static ValidatorInfo DecodeValidatorInfo(ReadOnlySpan<byte> data)
    {
        const string What = "getValidatorInfo(uint32)";
        var bytes = data.ToArray();
        return data.Length >= ValidatorInfo.EncodedSize(ValidatorInfoLayout.V1)
            ? ValidatorInfo.From(ContractAbi.DecodeOutput<ValidatorInfoV1Output>(bytes, What).Info)
            : ValidatorInfo.From(ContractAbi.DecodeOutput<ValidatorInfoV2Output>(bytes, What).Info);
    }

    private Task<byte[]> CallAsync<TFunction>(BlockTag block, CancellationToken cancellationToken)
        where TFunction : FunctionMessage, new() =>
        eth.CallAsync(ContractAbi.Call<TFunction>(Address), block, cancellationToken);
}
