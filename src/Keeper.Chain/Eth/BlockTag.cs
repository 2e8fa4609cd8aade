using Keeper.Chain.Primitives;

namespace Keeper.Chain.Eth;

/// <summary>A block parameter: a number or one of the named tags (<c>latest</c>, <c>pending</c>, ...).</summary>
public readonly record struct BlockTag
{
    private readonly string? _tag;

    private BlockTag(string? tag, ulong number)
    {
        _tag = tag;
        Number = number;
    }

    /// <summary>The most recent block.</summary>
    public static BlockTag Latest { get; } = new("latest", 0);

    /// <summary>The pending state (includes transactions in the node's pool).</summary>
    public static BlockTag Pending { get; } = new("pending", 0);

    /// <summary>The latest safe block.</summary>
    public static BlockTag Safe { get; } = new("safe", 0);

    /// <summary>The latest finalized block.</summary>
    public static BlockTag Finalized { get; } = new("finalized", 0);

    /// <summary>The genesis block.</summary>
    public static BlockTag Earliest { get; } = new("earliest", 0);

    /// <summary>True when this names a block by number.</summary>
    public bool IsNumber => _tag is null;

    /// <summary>The block number, when <see cref="IsNumber"/>.</summary>
    public ulong Number { get; }

    /// <summary>A block by number.</summary>
    public static BlockTag At(ulong number) => new(null, number);

    /// <summary>The JSON-RPC form: a hex quantity or the tag name.</summary>
    public string ToRpc() => _tag ?? Hex.EncodeQuantity(Number);

    /// <inheritdoc />
    public override string ToString() => _tag ?? Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
