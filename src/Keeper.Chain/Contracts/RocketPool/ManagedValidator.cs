using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>One entry of the megapool manager's global validator index.</summary>
/// <param name="Index">The position in the global index.</param>
/// <param name="Pubkey">The validator's BLS public key (48 bytes).</param>
/// <param name="Info">Its record.</param>
/// <param name="Megapool">The megapool that holds it.</param>
/// <param name="ValidatorId">Its megapool-local id.</param>
public sealed record ManagedValidator(ulong Index, byte[] Pubkey, ValidatorInfo Info, Address Megapool, uint ValidatorId);
