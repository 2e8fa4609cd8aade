using System.Numerics;
using System.Text.Json;
using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Eth;

/// <summary>Strict readers for node answers: a missing or malformed field is an <see cref="EthResponseException"/>.</summary>
internal static class RpcJson
{
    public static JsonElement Field(JsonElement obj, string name, string method)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw new EthResponseException(method, $"expected an object, got {obj.ValueKind}.");
        }

        if (!obj.TryGetProperty(name, out var value))
        {
            throw new EthResponseException(method, $"field '{name}' is missing.");
        }

        return value;
    }

    public static bool IsAbsent(JsonElement obj, string name) =>
        !obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null;

    public static string String(JsonElement value, string what, string method)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new EthResponseException(method, $"{what} should be a string, got {value.ValueKind}.");
        }

        return value.GetString()!;
    }

    public static BigInteger Quantity(JsonElement value, string what, string method)
    {
        var text = String(value, what, method);
        try
        {
            return Hex.DecodeQuantity(text);
        }
        catch (FormatException ex)
        {
            throw new EthResponseException(method, $"{what} is not a hex quantity: {ex.Message}", ex);
        }
    }

    public static ulong UInt64(JsonElement value, string what, string method)
    {
        var q = Quantity(value, what, method);
        if (q > ulong.MaxValue)
        {
            throw new EthResponseException(method, $"{what} does not fit in 64 bits: {q}.");
        }

        return (ulong)q;
    }

    public static byte[] Data(JsonElement value, string what, string method)
    {
        var text = String(value, what, method);
        if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || !Hex.TryDecode(text, out var bytes))
        {
            throw new EthResponseException(method, $"{what} is not 0x-prefixed hex data.");
        }

        return bytes;
    }

    public static Hash32 Hash(JsonElement value, string what, string method)
    {
        var text = String(value, what, method);
        return Hash32.TryParse(text, out var hash) ? hash : throw new EthResponseException(method, $"{what} is not a 32-byte hash: '{text}'.");
    }

    public static Address Address(JsonElement value, string what, string method)
    {
        var text = String(value, what, method);
        return Primitives.Address.TryParse(text.ToLowerInvariant(), out var address)
            ? address
            : throw new EthResponseException(method, $"{what} is not an address: '{text}'.");
    }

    public static Address? OptionalAddress(JsonElement obj, string name, string method) =>
        IsAbsent(obj, name) ? null : Address(obj.GetProperty(name), name, method);

    public static BlockHeader Header(JsonElement block, string method)
    {
        if (block.ValueKind == JsonValueKind.Null)
        {
            throw new EthResponseException(method, "the node does not have the block.");
        }

        return new BlockHeader(
            UInt64(Field(block, "number", method), "number", method),
            Hash(Field(block, "hash", method), "hash", method),
            Hash(Field(block, "parentHash", method), "parentHash", method),
            UInt64(Field(block, "timestamp", method), "timestamp", method),
            IsAbsent(block, "baseFeePerGas") ? null : Quantity(block.GetProperty("baseFeePerGas"), "baseFeePerGas", method),
            UInt64(Field(block, "gasLimit", method), "gasLimit", method),
            UInt64(Field(block, "gasUsed", method), "gasUsed", method),
            IsAbsent(block, "logsBloom") ? null : Bloom(block.GetProperty("logsBloom"), method));
    }

    private static byte[] Bloom(JsonElement value, string method)
    {
        var bloom = Data(value, "logsBloom", method);
        return bloom.Length == Keeper.Chain.Logs.LogsBloom.Size ? bloom : throw new EthResponseException(method, $"logsBloom should be {Keeper.Chain.Logs.LogsBloom.Size} bytes, got {bloom.Length}.");
    }

    public static LogEntry Log(JsonElement log, string method)
    {
        var topicsElement = Field(log, "topics", method);
        if (topicsElement.ValueKind != JsonValueKind.Array || topicsElement.GetArrayLength() > 4)
        {
            throw new EthResponseException(method, "log topics should be an array of at most 4 hashes.");
        }

        var topics = new Hash32[topicsElement.GetArrayLength()];
        var i = 0;
        foreach (var topic in topicsElement.EnumerateArray())
        {
            topics[i++] = Hash(topic, "log topic", method);
        }

        return new LogEntry(
            Address(Field(log, "address", method), "log address", method),
            topics,
            Data(Field(log, "data", method), "log data", method),
            UInt64(Field(log, "blockNumber", method), "log blockNumber", method),
            Hash(Field(log, "blockHash", method), "log blockHash", method),
            Hash(Field(log, "transactionHash", method), "log transactionHash", method),
            UInt64(Field(log, "transactionIndex", method), "log transactionIndex", method),
            UInt64(Field(log, "logIndex", method), "log logIndex", method),
            log.TryGetProperty("removed", out var removed) && removed.ValueKind == JsonValueKind.True);
    }

    public static IReadOnlyList<LogEntry> Logs(JsonElement array, string method)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new EthResponseException(method, $"expected an array of logs, got {array.ValueKind}.");
        }

        var logs = new List<LogEntry>(array.GetArrayLength());
        foreach (var log in array.EnumerateArray())
        {
            logs.Add(Log(log, method));
        }

        return logs;
    }

    public static TransactionReceipt Receipt(JsonElement r, string method)
    {
        var status = UInt64(Field(r, "status", method), "status", method);
        if (status > 1)
        {
            throw new EthResponseException(method, $"receipt status should be 0 or 1, got {status}.");
        }

        return new TransactionReceipt(
            Hash(Field(r, "transactionHash", method), "transactionHash", method),
            UInt64(Field(r, "blockNumber", method), "blockNumber", method),
            Hash(Field(r, "blockHash", method), "blockHash", method),
            UInt64(Field(r, "transactionIndex", method), "transactionIndex", method),
            Address(Field(r, "from", method), "from", method),
            OptionalAddress(r, "to", method),
            OptionalAddress(r, "contractAddress", method),
            status == 1,
            UInt64(Field(r, "gasUsed", method), "gasUsed", method),
            Quantity(Field(r, "effectiveGasPrice", method), "effectiveGasPrice", method),
            Logs(Field(r, "logs", method), method));
    }
}
