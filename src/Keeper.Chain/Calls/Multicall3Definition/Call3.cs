using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Calls.Multicall3Definition;

/// <summary>Multicall3's <c>Call3</c> struct: one read.</summary>
public sealed class Call3
{
    /// <summary>The contract called.</summary>
    [Parameter("address", "target", 1)]
    public string Target { get; set; } = "";

    /// <summary>True lets this call fail without failing the others.</summary>
    [Parameter("bool", "allowFailure", 2)]
    public bool AllowFailure { get; set; }

    /// <summary>The calldata.</summary>
    [Parameter("bytes", "callData", 3)]
    public byte[] CallData { get; set; } = [];
}
