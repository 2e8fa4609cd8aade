using Keeper.Chain.Contracts;
using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;
using Nethereum.Hex.HexConvertors.Extensions;

namespace Keeper.Host.Devnet;

/// <summary>
/// A contract from tests/contracts compiled with the pinned solc, its ABI as Nethereum reads solc's JSON. Calls are
/// encoded from that ABI by name, for the test contracts that have no typed DTOs of their own.
/// </summary>
/// <param name="Name">The contract's name.</param>
/// <param name="Abi">Its ABI.</param>
/// <param name="Bytecode">Its creation bytecode.</param>
/// <param name="RuntimeBytecode">The code the creation leaves at the contract's address (for installing it with anvil_setCode).</param>
public sealed record CompiledContract(string Name, ContractABI Abi, byte[] Bytecode, byte[] RuntimeBytecode)
{
    private static readonly FunctionCallEncoder Encoder = new();
    private static readonly FunctionCallDecoder Decoder = new();

    /// <summary>A function by name.</summary>
    /// <exception cref="KeyNotFoundException">The contract has no function of that name, or several.</exception>
    public FunctionABI Function(string name) => Single(Abi.Functions, f => f.Name == name, "function", name);

    /// <summary>An event by name.</summary>
    /// <exception cref="KeyNotFoundException">The contract has no event of that name, or several.</exception>
    public EventABI Event(string name) => Single(Abi.Events, e => e.Name == name, "event", name);

    /// <summary>Topic 0 of an event.</summary>
    public Hash32 Topic(string eventName) => new(Event(eventName).Sha3Signature.HexToByteArray());

    /// <summary>The calldata of <paramref name="function"/> with <paramref name="arguments"/> (addresses as <see cref="Address"/> or hex).</summary>
    public byte[] EncodeCall(string function, params object?[] arguments)
    {
        var abi = Function(function);
        return Encoder.EncodeRequest(abi.Sha3Signature, abi.InputParameters, [.. arguments.Select(ToNethereum)]).HexToByteArray();
    }

    /// <summary>The encoded constructor arguments, to append to <see cref="Bytecode"/>.</summary>
    public byte[] EncodeConstructor(params object?[] arguments) =>
        Encoder.EncodeParameters(Abi.Constructor.InputParameters, [.. arguments.Select(ToNethereum)]);

    /// <summary>Decodes what <paramref name="function"/> returned, one value per output (see <see cref="AbiValues"/>).</summary>
    public object?[] DecodeOutput(string function, byte[] data) =>
        AbiValues.FromOutputs(Decoder.DecodeDefaultData(data, Function(function).OutputParameters));

    /// <summary>Decodes a log of <paramref name="eventName"/> into its values by parameter name (see <see cref="AbiValues"/>).</summary>
    public IReadOnlyDictionary<string, object?> DecodeEvent(string eventName, LogEntry log)
    {
        var abi = Event(eventName);

        // Nethereum skips the first topic as the signature; an anonymous event has none, so one stands in for it.
        var topics = (abi.IsAnonymous ? log.Topics.Prepend(Hash32.Zero) : log.Topics).Select(t => (object)t.ToString()).ToArray();
        if (!abi.IsAnonymous && (topics.Length == 0 || log.Topics[0] != Topic(eventName)))
        {
            throw new ArgumentException($"The log from {log.Address} is not a {abi.Signature} event (topic 0 differs).", nameof(log));
        }

        var outputs = new EventTopicDecoder(abi.IsAnonymous).DecodeDefaultTopics(abi, topics, log.Data.ToHex(true));
        return outputs.ToDictionary(o => o.Parameter.Name, o => AbiValues.FromResult(o.Parameter.Type, o.Result), StringComparer.Ordinal);
    }

    private static object? ToNethereum(object? value) => value switch
    {
        Address address => address.ToLowerHex(),
        Hash32 hash => hash.ToArray(),
        Address[] addresses => addresses.Select(a => a.ToLowerHex()).ToArray(),
        _ => value,
    };

    private T Single<T>(IEnumerable<T>? items, Func<T, bool> match, string kind, string name)
    {
        var found = (items ?? []).Where(match).ToArray();
        return found.Length == 1
            ? found[0]
            : throw new KeyNotFoundException($"{Name} has {found.Length} {kind}s named '{name}' in its compiled ABI; expected one. Rebuild after changing tests/contracts.");
    }
}
