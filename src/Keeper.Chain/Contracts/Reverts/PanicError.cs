using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.Reverts;

/// <summary><c>Panic(uint256)</c> (selector 0x4e487b71): failed asserts, checked arithmetic, division by zero and the like.</summary>
[Error("Panic")]
public sealed class PanicError
{
    /// <summary>The panic code, e.g. 0x11 for arithmetic overflow.</summary>
    [Parameter("uint256", "code", 1)]
    public BigInteger Code { get; set; }
}
