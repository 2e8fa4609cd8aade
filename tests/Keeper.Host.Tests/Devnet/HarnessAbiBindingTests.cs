using System.Reflection;
using Keeper.Chain.Contracts;
using Keeper.Host.Devnet;
using Nethereum.ABI;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.ABI.Model;
using Nethereum.Contracts;
using Xunit;

namespace Keeper.Host.Tests.Devnet;

/// <summary>
/// Binds the ABI that solc compiled for the harness contracts (as the harness loads it) to Keeper's typed DTOs: every
/// selector and event topic the DTOs use must exist there with the same signature, the same indexed parameters and,
/// for functions, the same return types. The harness contracts mirror the live Rocket Pool interfaces.
/// </summary>
public sealed class HarnessAbiBindingTests
{
    // Which compiled contract declares the DTOs of each definition namespace.
    private static readonly Dictionary<string, string> ContractOfNamespace = new(StringComparer.Ordinal)
    {
        ["Keeper.Chain.Contracts.RocketPool.MegapoolDefinition"] = "MegapoolHarness",
        ["Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition"] = "MegapoolManagerHarness",
        ["Keeper.Chain.Contracts.RocketPool.MegapoolFactoryDefinition"] = "MegapoolFactoryHarness",
        ["Keeper.Chain.Contracts.RocketPool.MegapoolSettingsDefinition"] = "MegapoolSettingsHarness",
        ["Keeper.Chain.Contracts.RocketPool.MinipoolDefinition"] = "MinipoolHarness",
        ["Keeper.Chain.Contracts.RocketPool.MinipoolManagerDefinition"] = "MinipoolManagerHarness",
        ["Keeper.Chain.Contracts.RocketPool.MinipoolSettingsDefinition"] = "MinipoolSettingsHarness",
        ["Keeper.Chain.Contracts.RocketPool.RocketStorageDefinition"] = "RocketStorageHarness",
        ["Keeper.Chain.Contracts.RocketPool.DepositPoolDefinition"] = "DepositPoolHarness",
        ["Keeper.Chain.Contracts.RocketPool.DaoProposalDefinition"] = "DAOProtocolProposalHarness",
        ["Keeper.Chain.Contracts.GoGoPool.MinipoolManagerDefinition"] = "GoGoMinipoolManagerHarness",
        ["Keeper.Chain.Contracts.GoGoPool.RewardsPoolDefinition"] = "GoGoRewardsPoolHarness",
        ["Keeper.Chain.Contracts.GoGoPool.ProtocolDaoDefinition"] = "GoGoProtocolDAOHarness",
        ["Keeper.Chain.Calls.Multicall3Definition"] = "Aggregate3",
    };

    // Error(string) and Panic(uint256) are Solidity's own; no contract declares them in its ABI.
    private const string BuiltInErrorsNamespace = "Keeper.Chain.Contracts.Reverts";

    private static IEnumerable<Type> Dtos(Type attribute) =>
        typeof(ContractAbi).Assembly.GetTypes().Where(t => !t.IsAbstract && t.GetCustomAttribute(attribute) is not null).OrderBy(t => t.FullName, StringComparer.Ordinal);

    public static TheoryData<string> FunctionDtos => [.. Dtos(typeof(FunctionAttribute)).Select(t => t.FullName!)];

    public static TheoryData<string> EventDtos => [.. Dtos(typeof(EventAttribute)).Select(t => t.FullName!)];

    public static TheoryData<string> StructDtos => [.. Dtos(typeof(StructAttribute)).Select(t => t.FullName!)];

    [Fact]
    public void Dtos_EveryDefinitionNamespaceIsBoundToAHarnessContract()
    {
        var namespaces = Dtos(typeof(FunctionAttribute)).Concat(Dtos(typeof(EventAttribute))).Concat(Dtos(typeof(ErrorAttribute)))
            .Select(t => t.Namespace!).Where(n => n != BuiltInErrorsNamespace).Distinct().ToArray();

        Assert.All(namespaces, n => Assert.True(ContractOfNamespace.ContainsKey(n), $"DTOs in {n} are bound to no compiled contract: add the contract that declares them to {nameof(ContractOfNamespace)}."));
        Assert.Equal(ContractOfNamespace.Keys.Order(StringComparer.Ordinal), namespaces.Order(StringComparer.Ordinal));
        Assert.True(FunctionDtos.Count >= 20, $"Expected the Rocket Pool and Multicall3 function DTOs (20 or more), found {FunctionDtos.Count}.");
        Assert.True(EventDtos.Count >= 15, $"Expected the 15 Rocket Pool event DTOs, found {EventDtos.Count}.");
    }

    [Theory]
    [MemberData(nameof(FunctionDtos))]
    public void FunctionDto_SelectorAndReturnTypesAreInTheCompiledAbi(string dto)
    {
        var (type, contract) = Bind(dto);
        var ours = ABITypedRegistry.GetFunctionABI(type);

        var compiled = contract.Abi.Functions.SingleOrDefault(f => f.Sha3Signature == ours.Sha3Signature);

        Assert.True(compiled is not null, $"{type.Name} calls {ours.Signature} (selector 0x{ours.Sha3Signature}), which {contract.Name} does not declare. It declares: {string.Join(", ", contract.Abi.Functions.Select(f => f.Signature))}.");
        Assert.Equal(compiled!.Signature, ours.Signature);
        Assert.Equal(Types(compiled.InputParameters), Types(ours.InputParameters));
        Assert.Equal(Types(compiled.OutputParameters), Types(ours.OutputParameters));
    }

    [Fact]
    public void StructDtos_TheProofStructsAreAllBound() =>
        Assert.Equal(
            ["Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition.SlotProofStruct", "Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition.ValidatorProofStruct",
             "Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition.ValidatorStruct", "Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition.WithdrawalProofStruct",
             "Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition.WithdrawalStruct"],
            Dtos(typeof(StructAttribute)).Select(t => t.FullName!));

    [Theory]
    [MemberData(nameof(StructDtos))]
    public void StructDto_FieldsAreTheCompiledStructs(string dto)
    {
        var (type, contract) = Bind(dto);
        var name = type.GetCustomAttribute<StructAttribute>()!.Name;

        // solc names each struct parameter's type "struct <Name>" (its internalType); every use must have our fields.
        var uses = contract.Abi.Functions.SelectMany(f => f.InputParameters).SelectMany(Flatten).Where(p => p.InternalType == "struct " + name).ToArray();

        Assert.True(uses.Length > 0, $"{contract.Name} takes no struct {name} in any function; {type.Name} binds to nothing.");
        Assert.All(uses, p => Assert.Equal(Fields(p.ABIType), StructFields(type)));
    }

    [Theory]
    [MemberData(nameof(EventDtos))]
    public void EventDto_TopicAndIndexedParametersAreInTheCompiledAbi(string dto)
    {
        var (type, contract) = Bind(dto);
        var ours = ABITypedRegistry.GetEvent(type);

        var compiled = contract.Abi.Events.SingleOrDefault(e => e.Sha3Signature == ours.Sha3Signature);

        Assert.True(compiled is not null, $"{type.Name} decodes {ours.Signature} (topic 0x{ours.Sha3Signature}), which {contract.Name} does not declare. It declares: {string.Join(", ", contract.Abi.Events.Select(e => e.Signature))}.");
        Assert.Equal(compiled!.Signature, ours.Signature);
        Assert.Equal(Indexed(compiled.InputParameters), Indexed(ours.InputParameters));
    }

    private static (Type Type, CompiledContract Contract) Bind(string dto)
    {
        var type = typeof(ContractAbi).Assembly.GetType(dto, throwOnError: true)!;
        return (type, CompiledContracts.Get(ContractOfNamespace[type.Namespace!]));
    }

    private static IEnumerable<Parameter> Flatten(Parameter parameter) =>
        parameter.ABIType is TupleType tuple ? tuple.Components.SelectMany(Flatten).Prepend(parameter) : [parameter];

    private static string Fields(ABIType type) =>
        string.Join(",", ((TupleType)type).Components.OrderBy(p => p.Order).Select(p => p.Name + ":" + Canonical(p.ABIType)));

    // The DTO's fields by [Parameter] order: name and ABI type, nested structs spelled out as the compiled ABI shows them.
    private static string StructFields(Type type) =>
        string.Join(",", type.GetProperties()
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<ParameterAttribute>()))
            .Where(p => p.Attribute is not null)
            .OrderBy(p => p.Attribute!.Order)
            .Select(p => p.Attribute!.Name + ":" + (p.Attribute.Type == "tuple" ? "(" + NestedTypes(p.Property.PropertyType) + ")" : p.Attribute.Type)));

    private static string NestedTypes(Type type) =>
        string.Join(",", type.GetProperties()
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<ParameterAttribute>()))
            .Where(p => p.Attribute is not null)
            .OrderBy(p => p.Attribute!.Order)
            .Select(p => p.Attribute!.Type == "tuple" ? "(" + NestedTypes(p.Property.PropertyType) + ")" : p.Attribute.Type));

    private static string Types(IEnumerable<Parameter>? parameters) =>
        string.Join(",", (parameters ?? []).OrderBy(p => p.Order).Select(p => Canonical(p.ABIType)));

    private static string Indexed(IEnumerable<Parameter> parameters) =>
        string.Join(",", parameters.OrderBy(p => p.Order).Select(p => p.Indexed ? "indexed " + Canonical(p.ABIType) : Canonical(p.ABIType)));

    // Nethereum names every struct "tuple"; its components are what must agree.
    private static string Canonical(ABIType type) => type switch
    {
        TupleType tuple => "(" + Types(tuple.Components) + ")",
        ArrayType array => Canonical(array.ElementType) + array.Name[array.Name.LastIndexOf('[')..],
        _ => type.CanonicalName,
    };
}
