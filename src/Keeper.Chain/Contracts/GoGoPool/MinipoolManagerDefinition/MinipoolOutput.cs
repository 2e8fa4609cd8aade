using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.GoGoPool.MinipoolManagerDefinition;

/// <summary>The answer of <c>getMinipool(int256)</c> and <c>getMinipoolByNodeID(address)</c>: one <see cref="MinipoolStruct"/>.</summary>
[FunctionOutput]
public sealed class MinipoolOutput : IFunctionOutputDTO
{
    /// <summary>The record.</summary>
    [Parameter("tuple", "mp", 1)]
    public MinipoolStruct Minipool { get; set; } = new();
}
