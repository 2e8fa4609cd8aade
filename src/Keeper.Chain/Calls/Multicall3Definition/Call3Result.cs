using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Calls.Multicall3Definition;

/// <summary>Multicall3's <c>Result</c> struct: one read's outcome.</summary>
public sealed class Call3Result
{
    /// <summary>True when the call returned.</summary>
    [Parameter("bool", "success", 1)]
    public bool Success { get; set; }

    /// <summary>The return data, or the revert data.</summary>
    [Parameter("bytes", "returnData", 2)]
    public byte[] ReturnData { get; set; } = [];
}
