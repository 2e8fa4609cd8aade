using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;

namespace Keeper.Chain.Contracts;

public static partial class ContractAbi
{
    private static readonly EventTopicDecoder EventDecoder = new();

    /// <summary>Topic 0 of an <c>[Event]</c> DTO: keccak256 of its signature.</summary>
    public static Hash32 Topic<TEvent>()
        where TEvent : IEventDTO =>
        new(ABITypedRegistry.GetEvent<TEvent>().Sha3Signature.HexToByteArray());

    /// <summary>Decodes a log into the <c>[Event]</c> DTO <typeparamref name="TEvent"/>, topics and data.</summary>
    /// <exception cref="ContractDecodingException">
    /// The log is not that event (topic 0, number of topics), or its values are not their canonical encoding.
    /// </exception>
    public static TEvent DecodeEvent<TEvent>(LogEntry log)
        where TEvent : IEventDTO, new()
    {
        var abi = ABITypedRegistry.GetEvent<TEvent>();
        var what = $"Event {abi.Signature} from {log.Address}";
        if (log.Topics.Count != abi.NumberOfIndexes + 1 || log.Topics[0] != Topic<TEvent>())
        {
            throw new ContractDecodingException(what, log.Data, $"the log has {log.Topics.Count} topics starting {(log.Topics.Count > 0 ? log.Topics[0] : "with none")}, the event {abi.NumberOfIndexes + 1} starting {Topic<TEvent>()}");
        }

        var topics = log.Topics.Select(t => (object)t.ToString()).ToArray();
        return DecodeStrictly(what, log.Data, () => EventDecoder.DecodeTopics<TEvent>(topics, log.Data.ToHex(true)), value => IsCanonicalEvent(value, log));
    }

    // Indexed values of static types are their encoding, so each topic can be compared; the data holds the rest.
    private static bool IsCanonicalEvent<TEvent>(TEvent value, LogEntry log)
    {
        var values = Encoder.GetParameterAttributeValues(typeof(TEvent), value).OrderBy(v => v.ParameterAttribute.Order).ToArray();
        var indexed = values.Where(v => v.ParameterAttribute.Parameter.Indexed).ToArray();
        for (var i = 0; i < indexed.Length; i++)
        {
            var parameter = indexed[i].ParameterAttribute.Parameter;
            if (!parameter.ABIType.IsDynamic() && !Encoder.EncodeParameters([parameter], indexed[i].Value).AsSpan().SequenceEqual(log.Topics[i + 1].Bytes))
            {
                return false;
            }
        }

        var body = values.Where(v => !v.ParameterAttribute.Parameter.Indexed).ToArray();
        var data = Encoder.EncodeParameters(body.Select(v => v.ParameterAttribute.Parameter).ToArray(), body.Select(v => v.Value).ToArray());
        return data.AsSpan().SequenceEqual(log.Data);
    }
}
