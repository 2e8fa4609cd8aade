using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.Reverts;

/// <summary><c>Error(string)</c> (selector 0x08c379a0): <c>require(cond, "message")</c> and <c>revert("message")</c>.</summary>
[Error("Error")]
public sealed class ErrorStringError
{
    /// <summary>The revert message.</summary>
    [Parameter("string", "message", 1)]
    public string Message { get; set; } = "";
}
