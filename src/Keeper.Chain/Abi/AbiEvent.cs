using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;
using Nethereum.Util;

namespace Keeper.Chain.Abi;

/// <summary>
/// A contract event: its parameters, signature and topic 0, and the decoding of its logs. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>A log carries topic 0 = keccak256(<see cref="Signature"/>) (unless the event is anonymous), then one topic per
/// indexed parameter, and the ABI encoding of the non-indexed parameters as its data.</para>
/// <para>An indexed parameter of an elementary value type (<c>uint&lt;M&gt;</c>, <c>int&lt;M&gt;</c>, <c>address</c>,
/// <c>bool</c>, <c>bytes&lt;M&gt;</c>) is decoded from its topic into the usual .NET value. An indexed <c>string</c>,
/// <c>bytes</c>, array or tuple is stored in the log only as a keccak256 hash, which cannot be reversed: decoding
/// returns that topic as a <see cref="Hash32"/>.</para>
/// </remarks>
public sealed class AbiEvent
{
    private readonly AbiType[] _dataTypes;
    private readonly int[] _dataIndexes;
    private readonly int[] _topicIndexes;

    /// <summary>Creates an event from its parts.</summary>
    /// <param name="name">The event name, an identifier.</param>
    /// <param name="parameters">The parameters in declaration order, with <see cref="AbiParameter.Indexed"/> set on those in topics.</param>
    /// <param name="anonymous">True when the event is declared <c>anonymous</c> and its logs carry no topic 0.</param>
    /// <exception cref="AbiException">The name is not an identifier, or there are more indexed parameters than topics (3, or 4 when anonymous).</exception>
    public AbiEvent(string name, IReadOnlyList<AbiParameter> parameters, bool anonymous = false)
    {
        Name = AbiSignatures.CheckName(name, "event");
        Parameters = AbiSignatures.CheckParameters(parameters, $"event {name}", allowIndexed: true);
        Anonymous = anonymous;
        _topicIndexes = Enumerable.Range(0, Parameters.Count).Where(i => Parameters[i].Indexed).ToArray();
        _dataIndexes = Enumerable.Range(0, Parameters.Count).Where(i => !Parameters[i].Indexed).ToArray();
        _dataTypes = _dataIndexes.Select(i => Parameters[i].Type).ToArray();
        var maxIndexed = anonymous ? 4 : 3;
        if (_topicIndexes.Length > maxIndexed)
        {
            throw new AbiException($"Event {name} has {_topicIndexes.Length} indexed parameters; {(anonymous ? "an anonymous event" : "an event")} can have at most {maxIndexed}.");
        }

        Signature = AbiSignatures.Signature(Name, Parameters);
        Topic0 = new Hash32(Sha3Keccack.Current.CalculateHashAsBytes(Signature));
    }

    /// <summary>The event name.</summary>
    public string Name { get; }

    /// <summary>The parameters in declaration order, indexed and not.</summary>
    public IReadOnlyList<AbiParameter> Parameters { get; }

    /// <summary>True for an <c>anonymous</c> event, whose logs have no topic 0.</summary>
    public bool Anonymous { get; }

    /// <summary>The canonical signature, e.g. <c>Transfer(address,address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>keccak256(<see cref="Signature"/>), the first topic of a non-anonymous event's logs.</summary>
    public Hash32 Topic0 { get; }

    /// <summary>
    /// Parses a human-readable event, e.g. <c>event ValueSet(address indexed setter, uint256 indexed value, string note, bytes payload)</c>,
    /// optionally followed by <c>anonymous</c>. The <c>event</c> keyword and parameter names are optional.
    /// </summary>
    /// <exception cref="AbiException">The text is not a valid event signature.</exception>
    public static AbiEvent Parse(string humanReadable)
    {
        ArgumentNullException.ThrowIfNull(humanReadable);
        var reader = new SignatureReader(humanReadable, "event signature");
        var name = reader.ReadIdentifier("an event name");
        if (string.Equals(name, "event", StringComparison.Ordinal))
        {
            name = reader.ReadIdentifier("an event name");
        }

        var parameters = reader.ReadParameterList(allowNames: true, allowIndexed: true);
        var anonymous = false;
        if (reader.TryReadIdentifier() is { } word)
        {
            if (!string.Equals(word, "anonymous", StringComparison.Ordinal))
            {
                throw reader.Error($"unexpected '{word}' (only 'anonymous' may follow an event's parameters)");
            }

            anonymous = true;
        }

        reader.ExpectEnd();
        try
        {
            return new AbiEvent(name, parameters, anonymous);
        }
        catch (AbiException ex)
        {
            throw reader.Error(ex.Message.TrimEnd('.'));
        }
    }

    /// <summary>Decodes a log of this event; see <see cref="Decode(IReadOnlyList{Hash32}, ReadOnlySpan{byte})"/>.</summary>
    /// <exception cref="AbiDecodingException">The log is not this event, or its topics or data are malformed.</exception>
    public DecodedEvent Decode(LogEntry log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return Decode(log.Topics, log.Data);
    }

    /// <summary>
    /// Decodes a log's topics and data into one value per parameter, in declaration order. Checks topic 0 (unless the
    /// event is anonymous) and the number of topics. Indexed elementary values are decoded from their topics; indexed
    /// <c>string</c>, <c>bytes</c>, arrays and tuples are returned as their <see cref="Hash32"/> topic, the keccak256
    /// hash the log holds in their place.
    /// </summary>
    /// <exception cref="AbiDecodingException">The log is not this event, or its topics or data are malformed.</exception>
    public DecodedEvent Decode(IReadOnlyList<Hash32> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var first = Anonymous ? 0 : 1;
        if (topics.Count != first + _topicIndexes.Length)
        {
            throw new AbiDecodingException(
                $"A log of {Signature} has {first + _topicIndexes.Length} topics ({(Anonymous ? "anonymous, " : "topic 0 and ")}{_topicIndexes.Length} indexed); this one has {topics.Count}.",
                -1);
        }

        if (!Anonymous && topics[0] != Topic0)
        {
            throw new AbiDecodingException($"Topic 0 {topics[0]} is not {Signature} ({Topic0}).", -1);
        }

        var values = new object?[Parameters.Count];
        for (var t = 0; t < _topicIndexes.Length; t++)
        {
            var index = _topicIndexes[t];
            values[index] = DecodeTopic(index, topics[first + t], first + t);
        }

        object?[] decoded;
        try
        {
            decoded = AbiDecoder.Decode(_dataTypes, data, i => Label(_dataIndexes[i]));
        }
        catch (AbiDecodingException ex)
        {
            throw new AbiDecodingException($"Cannot decode the data of a {Signature} log: {ex.Message}", ex.Position);
        }

        for (var d = 0; d < _dataIndexes.Length; d++)
        {
            values[_dataIndexes[d]] = decoded[d];
        }

        return new DecodedEvent(this, values);
    }

    /// <summary>
    /// The topic that indexed parameter <paramref name="parameterIndex"/> (its position among all parameters) has for
    /// <paramref name="value"/>, for building <c>eth_getLogs</c> filters. Elementary values become their 32-byte ABI word;
    /// <c>string</c>, <c>bytes</c>, arrays and tuples become the keccak256 hash Solidity stores (a <see cref="Hash32"/>
    /// given for such a parameter is taken to be that hash already).
    /// </summary>
    /// <exception cref="AbiException">The index is out of range, the parameter is not indexed, or the value is invalid.</exception>
    public Hash32 EncodeTopic(int parameterIndex, object? value)
    {
        if (parameterIndex < 0 || parameterIndex >= Parameters.Count)
        {
            throw new AbiException($"Event {Signature} has parameters 0..{Parameters.Count - 1}; there is no parameter {parameterIndex}.");
        }

        if (!Parameters[parameterIndex].Indexed)
        {
            throw new AbiException($"Parameter {Label(parameterIndex)} of event {Signature} is not indexed, so it has no topic to filter on.");
        }

        try
        {
            return IndexedTopic.Encode(Parameters[parameterIndex].Type, value);
        }
        catch (AbiValueError error)
        {
            throw new AbiException($"Cannot encode a topic of {Signature}: {error.Describe(Label(parameterIndex))}.");
        }
    }

    /// <summary>A human-readable form, e.g. <c>event Transfer(address indexed from, address indexed to, uint256 value)</c>.</summary>
    public override string ToString() =>
        $"event {Name}{AbiSignatures.HumanReadable(Parameters)}{(Anonymous ? " anonymous" : string.Empty)}";

    private object? DecodeTopic(int index, Hash32 topic, int topicNumber)
    {
        var type = Parameters[index].Type;
        if (!IndexedTopic.HoldsValue(type))
        {
            return topic;
        }

        try
        {
            return AbiDecoder.Decode([type], topic.Bytes, _ => Label(index))[0];
        }
        catch (AbiDecodingException ex)
        {
            throw new AbiDecodingException($"Cannot decode topic {topicNumber} of a {Signature} log: {ex.Message}", -1);
        }
    }

    private string Label(int index) =>
        Parameters[index].Name.Length == 0 ? $"parameter {index}" : $"parameter {index} '{Parameters[index].Name}'";
}
