using System.Numerics;
using Keeper.Chain.Abi;
using Keeper.Chain.Calls;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>A node operator's megapool (the proxy; its ABI is the delegate's plus the proxy's).</summary>
public sealed class Megapool(EthApi eth, BatchCaller batch, Address address)
{
    /// <summary><c>getValidatorCount()</c>.</summary>
    public static AbiFunction GetValidatorCountFunction { get; } = AbiFunction.Parse("function getValidatorCount() view returns (uint32)");

    /// <summary><c>getValidatorInfo(uint32)</c> (v2 layout declared; either layout is decoded).</summary>
    public static AbiFunction GetValidatorInfoFunction { get; } =
        new("getValidatorInfo", [new AbiParameter("validatorId", AbiType.UInt(32))], [new AbiParameter("", ValidatorInfo.V2Type)]);

    /// <summary><c>getNodeAddress()</c>.</summary>
    public static AbiFunction GetNodeAddressFunction { get; } = AbiFunction.Parse("function getNodeAddress() view returns (address)");

    /// <summary><c>getDebt()</c>.</summary>
    public static AbiFunction GetDebtFunction { get; } = AbiFunction.Parse("function getDebt() view returns (uint256)");

    /// <summary><c>dissolveValidator(uint32)</c>: the keeper's action once a prestaked validator's deadline has passed.</summary>
    public static AbiFunction DissolveValidatorFunction { get; } = AbiFunction.Parse("function dissolveValidator(uint32 validatorId)");

    /// <summary>The megapool's address.</summary>
    public Address Address { get; } = address;

    /// <summary>The call that dissolves validator <paramref name="validatorId"/> of the megapool at <paramref name="megapool"/>.</summary>
    public static ContractCall DissolveValidator(Address megapool, uint validatorId) =>
        new(megapool, DissolveValidatorFunction.EncodeCall(validatorId), $"dissolveValidator({validatorId}) on megapool {megapool}");

    /// <summary>How many validators the megapool holds.</summary>
    public async Task<uint> GetValidatorCountAsync(BlockTag block, CancellationToken cancellationToken) =>
        (uint)(BigInteger)GetValidatorCountFunction.DecodeOutput(await CallAsync(GetValidatorCountFunction.EncodeCall(), block, cancellationToken))[0]!;

    /// <summary>The node operator that owns the megapool.</summary>
    public async Task<Address> GetNodeAddressAsync(BlockTag block, CancellationToken cancellationToken) =>
        (Address)GetNodeAddressFunction.DecodeOutput(await CallAsync(GetNodeAddressFunction.EncodeCall(), block, cancellationToken))[0]!;

    /// <summary>The megapool's debt in wei (dissolve penalties, late-notify fines).</summary>
    public async Task<BigInteger> GetDebtAsync(BlockTag block, CancellationToken cancellationToken) =>
        (BigInteger)GetDebtFunction.DecodeOutput(await CallAsync(GetDebtFunction.EncodeCall(), block, cancellationToken))[0]!;

    /// <summary>One validator's record.</summary>
    public async Task<ValidatorInfo> GetValidatorInfoAsync(uint validatorId, BlockTag block, CancellationToken cancellationToken) =>
        DecodeValidatorInfo(await CallAsync(GetValidatorInfoFunction.EncodeCall(validatorId), block, cancellationToken));

    /// <summary>Several validators' records in one batch, in the order asked.</summary>
    public async Task<IReadOnlyList<ValidatorInfo>> GetValidatorInfosAsync(IReadOnlyList<uint> validatorIds, BlockTag block, CancellationToken cancellationToken)
    {
        var calls = validatorIds.Select(id => new CallRequest(Address, GetValidatorInfoFunction.EncodeCall(id))).ToArray();
        var results = await batch.CallAsync(calls, block, cancellationToken);
        return results.Select((r, i) => DecodeValidatorInfo(r.GetReturnDataOrThrow(i))).ToArray();
    }

    /// <summary>Decodes an answer of <c>getValidatorInfo(uint32)</c> in either layout, told apart by its length.</summary>
    public static ValidatorInfo DecodeValidatorInfo(ReadOnlySpan<byte> data)
    {
        var type = data.Length >= ValidatorInfo.EncodedSize(ValidatorInfoLayout.V1) ? ValidatorInfo.V1Type : ValidatorInfo.V2Type;
        return ValidatorInfo.FromTuple((object?[])AbiDecoder.Decode(type, data)!);
    }

    private Task<byte[]> CallAsync(byte[] data, BlockTag block, CancellationToken cancellationToken) =>
        eth.CallAsync(new CallRequest(Address, data), block, cancellationToken);
}
