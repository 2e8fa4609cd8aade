using System.Numerics;
using Keeper.Chain.Contracts.Reverts;
using Keeper.Chain.Primitives;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Xunit;

namespace Keeper.Chain.Tests.Contracts.Reverts;

public sealed class RevertDecoderTests
{
    // Solidity documentation, "Expressions and Control Structures", section "revert":
    // revert("Not enough Ether provided.") sets this revert data.
    private const string NotEnoughEther =
        "0x08c379a0" +
        "0000000000000000000000000000000000000000000000000000000000000020" +
        "000000000000000000000000000000000000000000000000000000000000001a" +
        "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000";

    private static readonly ErrorABI Unauthorized = Error("Unauthorized", ("address", "caller"), ("uint256", "required"));

    private static ErrorABI Error(string name, params (string Type, string Name)[] inputs)
    {
        var json = $$"""[{"type":"error","name":"{{name}}","inputs":[{{string.Join(",", inputs.Select(i => $$"""{"type":"{{i.Type}}","name":"{{i.Name}}"}"""))}}]}]""";
        return new ABIJsonDeserialiser().DeserialiseContract(json).Errors.Single();
    }

    private static byte[] RevertData(ErrorABI error, params object[] values) =>
        [.. error.Sha3Signature.HexToByteArray(), .. new ParametersEncoder().EncodeParameters(error.InputParameters, values)];

    [Fact]
    public void StandardErrors_HaveDocumentedSelectors()
    {
        Assert.Equal("08c379a0", ABITypedRegistry.GetError<ErrorStringError>().Sha3Signature);
        Assert.Equal("4e487b71", ABITypedRegistry.GetError<PanicError>().Sha3Signature);
        Assert.Equal("Error(string)", ABITypedRegistry.GetError<ErrorStringError>().Signature);
        Assert.Equal("Panic(uint256)", ABITypedRegistry.GetError<PanicError>().Signature);
    }

    [Fact]
    public void Decode_NoData_IsEmpty()
    {
        var reason = RevertDecoder.Decode([]);

        Assert.Same(RevertReason.Empty.Instance, reason);
        Assert.Equal("reverted without a reason (no revert data)", reason.ToString());
    }

    [Fact]
    public void Decode_DocumentedErrorString_IsTheMessage()
    {
        var reason = RevertDecoder.Decode(Hex.Decode(NotEnoughEther));

        var error = Assert.IsType<RevertReason.ErrorString>(reason);
        Assert.Equal("Not enough Ether provided.", error.Message);
        Assert.Equal("reverted: \"Not enough Ether provided.\"", reason.ToString());
    }

    // Panic codes from the Solidity documentation, "Panic via assert and Error via require".
    [Theory]
    [InlineData(0x00, "generic compiler-inserted panic", "0x00")]
    [InlineData(0x01, "assertion failed (assert with a false condition)", "0x01")]
    [InlineData(0x11, "arithmetic overflow or underflow outside an unchecked block", "0x11")]
    [InlineData(0x12, "division or modulo by zero", "0x12")]
    [InlineData(0x21, "conversion of a value out of range into an enum type", "0x21")]
    [InlineData(0x22, "access to an incorrectly encoded storage byte array", "0x22")]
    [InlineData(0x31, ".pop() on an empty array", "0x31")]
    [InlineData(0x32, "array, bytesN or slice index out of bounds", "0x32")]
    [InlineData(0x41, "too much memory allocated or an array too large created", "0x41")]
    [InlineData(0x51, "call to a zero-initialized variable of internal function type", "0x51")]
    [InlineData(0x99, "unknown panic code", "0x99")]
    public void Decode_Panic_IsTheCodeWithItsDocumentedMeaning(int code, string description, string shown)
    {
        var data = Hex.Decode("0x4e487b71" + code.ToString("x64", System.Globalization.CultureInfo.InvariantCulture));

        var panic = Assert.IsType<RevertReason.Panic>(RevertDecoder.Decode(data));

        Assert.Equal(new BigInteger(code), panic.Code);
        Assert.Equal(description, panic.Description);
        Assert.Equal($"panicked with code {shown}: {description}", panic.ToString());
    }

    [Fact]
    public void Decode_KnownCustomError_DecodesItsArguments()
    {
        var caller = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        var data = RevertData(Unauthorized, caller.ToLowerHex(), new BigInteger(5));

        var custom = Assert.IsType<RevertReason.Custom>(RevertDecoder.Decode(data, [Error("Other", ("uint256", "")), Unauthorized]));

        Assert.Same(Unauthorized, custom.Error);
        Assert.Equal(caller, custom.Arguments[0]);
        Assert.Equal(new BigInteger(5), custom.Arguments[1]);
        Assert.Equal($"reverted with error Unauthorized(caller={caller}, required=5)", custom.ToString());
    }

    [Fact]
    public void Decode_CustomErrorWithoutKnownErrors_IsUnknown()
    {
        var data = RevertData(Unauthorized, Address.Zero.ToLowerHex(), new BigInteger(5));

        var unknown = Assert.IsType<RevertReason.Unknown>(RevertDecoder.Decode(data));

        Assert.Equal(data, unknown.Data);
        Assert.StartsWith($"reverted with unrecognized data (selector 0x{Unauthorized.Sha3Signature}, 68 bytes): 0x", unknown.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0x08c379a0")]
    [InlineData("0x08c379a0" + "0000000000000000000000000000000000000000000000000000000000000020")]
    [InlineData("0x08c379a0" + "00000000000000000000000000000000000000000000000000000000000000ff" + "0000000000000000000000000000000000000000000000000000000000000001")]
    [InlineData("0x08c379a0" + "0000000000000000000000000000000000000000000000000000000000000020" + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("0x08c379a0" + "0000000000000000000000000000000000000000000000000000000000000020" + "0000000000000000000000000000000000000000000000000000000000000002" + "ff00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0x4e487b71" + "00000000000000000000000000000000000000000000000000000000000011")]
    [InlineData("0x4e48")]
    [InlineData("0xdeadbeef")]
    public void Decode_MalformedOrUnrecognized_IsUnknownAndNeverThrows(string hex)
    {
        var data = Hex.Decode(hex);

        var unknown = Assert.IsType<RevertReason.Unknown>(RevertDecoder.Decode(data));

        Assert.Equal(data, unknown.Data);
        Assert.StartsWith("reverted with unrecognized data", unknown.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_MalformedKnownCustomError_IsUnknown()
    {
        var data = Unauthorized.Sha3Signature.HexToByteArray().Concat(new byte[10]).ToArray();

        Assert.IsType<RevertReason.Unknown>(RevertDecoder.Decode(data, [Unauthorized]));
    }
}
