using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;

/// <summary>The fields of a global index entry around its record, which differs by layout.</summary>
public abstract class ManagedValidatorFields : IFunctionOutputDTO
{
    /// <summary>The validator's BLS public key (48 bytes).</summary>
    [Parameter("bytes", "", 1)]
    public byte[] Pubkey { get; set; } = [];

    /// <summary>The megapool that holds it.</summary>
    [Parameter("address", "", 3)]
    public string Megapool { get; set; } = "";

    /// <summary>Its megapool-local id.</summary>
    [Parameter("uint32", "", 4)]
    public uint ValidatorId { get; set; }
}
