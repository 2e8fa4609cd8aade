using System.Numerics;
using System.Text.Json;
using Keeper.Chain.Abi;
using Keeper.Chain.Primitives;
using Xunit;

namespace Keeper.Chain.Tests.Abi;

public sealed class AbiContractTests
{
    // A solc-style JSON ABI in the shape solc emits (see the Solidity ABI specification, section "JSON", and its
    // "Handling tuple types" example with struct S { uint a; uint[] b; T[] c; } and struct T { uint x; uint y; }).
    private const string Json = """
        [
          { "type": "constructor", "inputs": [ { "name": "owner", "type": "address", "internalType": "address" } ], "stateMutability": "nonpayable" },
          { "type": "fallback", "stateMutability": "payable" },
          { "type": "receive", "stateMutability": "payable" },
          {
            "type": "function", "name": "f", "stateMutability": "pure", "outputs": [],
            "inputs": [
              { "name": "s", "type": "tuple", "internalType": "struct Test.S", "components": [
                { "name": "a", "type": "uint256" },
                { "name": "b", "type": "uint256[]" },
                { "name": "c", "type": "tuple[]", "components": [ { "name": "x", "type": "uint256" }, { "name": "y", "type": "uint256" } ] }
              ] },
              { "name": "t", "type": "tuple", "components": [ { "name": "x", "type": "uint256" }, { "name": "y", "type": "uint256" } ] },
              { "name": "a", "type": "uint256" }
            ]
          },
          {
            "type": "function", "name": "getValidatorInfo", "stateMutability": "view",
            "inputs": [ { "name": "id", "type": "uint32" } ],
            "outputs": [
              { "name": "info", "type": "tuple", "components": [
                { "name": "lastAssignmentTime", "type": "uint32" }, { "name": "lastRequestedValue", "type": "uint32" }, { "name": "staked", "type": "bool" } ] },
              { "name": "megapool", "type": "address" }
            ]
          },
          { "type": "function", "name": "set", "inputs": [ { "name": "v", "type": "uint256" } ], "outputs": [], "stateMutability": "nonpayable" },
          { "type": "function", "name": "set", "inputs": [ { "name": "v", "type": "address" } ], "outputs": [], "stateMutability": "nonpayable" },
          { "name": "legacy", "constant": true, "inputs": [], "outputs": [ { "name": "", "type": "uint256" } ] },
          { "type": "function", "name": "grid", "inputs": [ { "name": "g", "type": "tuple[2][]", "components": [ { "name": "k", "type": "bytes32" } ] } ], "outputs": [], "stateMutability": "nonpayable" },
          {
            "type": "event", "name": "ValueSet", "anonymous": false,
            "inputs": [
              { "name": "setter", "type": "address", "indexed": true },
              { "name": "value", "type": "uint256", "indexed": true },
              { "name": "note", "type": "string", "indexed": false },
              { "name": "payload", "type": "bytes", "indexed": false }
            ]
          },
          { "type": "event", "name": "Ping", "anonymous": true, "inputs": [ { "name": "who", "type": "address", "indexed": true } ] },
          { "type": "error", "name": "Unauthorized", "inputs": [ { "name": "caller", "type": "address" }, { "name": "required", "type": "uint256" } ] }
        ]
        """;

    private static readonly AbiContract Contract = AbiContract.FromJson(Json);

    [Fact]
    public void FromJson_ReadsFunctionsEventsAndErrors_SkippingConstructorFallbackReceive()
    {
        Assert.Equal(["f", "getValidatorInfo", "set", "set", "legacy", "grid"], Contract.Functions.Select(f => f.Name));
        Assert.Equal(["ValueSet", "Ping"], Contract.Events.Select(e => e.Name));
        Assert.Equal("Unauthorized(address,uint256)", Assert.Single(Contract.Errors).Signature);
    }

    [Fact]
    public void FromJson_TupleComponents_BuildCanonicalTypesAndKeepNames()
    {
        var f = Contract.Function("f");

        Assert.Equal("f((uint256,uint256[],(uint256,uint256)[]),(uint256,uint256),uint256)", f.Signature);
        Assert.Equal("pure", f.StateMutability);
        var s = f.Inputs[0];
        Assert.Equal(["a", "b", "c"], s.Components.Select(c => c.Name));
        Assert.Equal(["x", "y"], s.Components[2].Components.Select(c => c.Name));
        Assert.Equal("(bytes32)[2][]", Contract.Function("grid").Inputs[0].Type.CanonicalName);
        Assert.Equal("k", Assert.Single(Contract.Function("grid").Inputs[0].Components).Name);
    }

    [Fact]
    public void FromJson_FunctionFromJson_EncodesLikeTheHumanReadableOne()
    {
        var fromJson = Contract.Function("getValidatorInfo");
        var parsed = AbiFunction.Parse("function getValidatorInfo(uint32 id) view returns ((uint32,uint32,bool) info, address megapool)");

        Assert.Equal(parsed.Selector, fromJson.Selector);
        Assert.Equal(parsed.EncodeCall(7), fromJson.EncodeCall(7));
        Assert.Equal("view", fromJson.StateMutability);
        Assert.Equal("view", Contract.Function("legacy").StateMutability);
        Assert.Equal(["lastAssignmentTime", "lastRequestedValue", "staked"], fromJson.Outputs[0].Components.Select(c => c.Name));
    }

    [Fact]
    public void FromJson_Events_KeepIndexedAndAnonymous()
    {
        var valueSet = Contract.Event("ValueSet");

        Assert.Equal(AbiEvent.Parse("event ValueSet(address indexed setter, uint256 indexed value, string note, bytes payload)").Topic0, valueSet.Topic0);
        Assert.Equal([true, true, false, false], valueSet.Parameters.Select(p => p.Indexed));
        Assert.True(Contract.Event("Ping").Anonymous);
        Assert.Same(valueSet, Contract.FindEvent(valueSet.Topic0));
        Assert.Null(Contract.FindEvent(Contract.Event("Ping").Topic0));
    }

    [Fact]
    public void Function_OverloadedName_RequiresTheSignature()
    {
        var ex = Assert.Throws<AbiException>(() => Contract.Function("set"));

        Assert.Equal("The function name 'set' is overloaded (set(uint256), set(address)); ask for one by its signature, e.g. Function(\"set(uint256)\").", ex.Message);
        Assert.Equal("set(address)", Contract.Function("set(address)").Signature);
        Assert.Equal("set(uint256)", Contract.Function("set(uint)").Signature);
    }

    [Fact]
    public void Function_Missing_ListsWhatExists()
    {
        var ex = Assert.Throws<AbiException>(() => Contract.Function("transfer"));

        Assert.StartsWith("The contract has no function named 'transfer'; its functions are: f(", ex.Message, StringComparison.Ordinal);
        Assert.Throws<AbiException>(() => Contract.Function("set(bool)"));
        Assert.Throws<AbiException>(() => Contract.Event("Missing"));
        Assert.Throws<AbiException>(() => Contract.Error("Missing"));
    }

    [Fact]
    public void Errors_FeedTheRevertDecoder()
    {
        var data = Contract.Error("Unauthorized").EncodeRevertData(Address.Zero, new BigInteger(3));

        var reason = RevertDecoder.Decode(data, Contract.Errors);

        Assert.Equal("Unauthorized", Assert.IsType<RevertReason.Custom>(reason).Error.Name);
    }

    [Fact]
    public void FindFunction_BySelector_FindsIt()
    {
        var set = Contract.Function("set(address)");

        Assert.Same(set, Contract.FindFunction(set.EncodeCall(Address.Zero)));
        Assert.Null(Contract.FindFunction(new byte[] { 1, 2, 3, 4 }));
    }

    [Fact]
    public void FromJson_ArtifactObjectWithAbi_IsAccepted()
    {
        using var document = JsonDocument.Parse("{ \"contractName\": \"X\", \"abi\": " + Json + " }");

        Assert.Equal(6, AbiContract.FromJson(document.RootElement).Functions.Count);
    }

    [Theory]
    [InlineData("{}", "A JSON ABI must be an array of entries")]
    [InlineData("[1]", "JSON ABI entry 0 (entry): expected a JSON object, got a JSON Number.")]
    [InlineData("[{\"type\":\"function\"}]", "JSON ABI entry 0 (function): missing \"name\".")]
    [InlineData("[{\"type\":\"struct\",\"name\":\"S\"}]", "JSON ABI entry 0 (struct 'S'): unknown entry type 'struct'")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"a\",\"type\":\"uint7\"}]}]", "JSON ABI entry 0 (function 'f'): inputs[0]: Invalid ABI type 'uint7'")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"a\",\"type\":\"tuple\"}]}]", "parameter 'a' of type 'tuple' needs a \"components\" array")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"a\",\"type\":\"uint8\",\"indexed\":true}]}]", "parameter 'a' is marked indexed, which only event inputs can be")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"stateMutability\":\"sometimes\"}]", "state mutability 'sometimes' is not one of pure, view, nonpayable, payable")]
    [InlineData("[", "The JSON ABI is not valid JSON")]
    public void FromJson_Invalid_ThrowsMessageNamingTheEntry(string json, string expected)
    {
        var ex = Assert.Throws<AbiException>(() => AbiContract.FromJson(json));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
