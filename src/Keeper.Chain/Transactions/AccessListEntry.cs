using Keeper.Chain.Primitives;

namespace Keeper.Chain.Transactions;

/// <summary>One EIP-2930 access list entry: an address and the storage keys the transaction will touch there.</summary>
/// <param name="Address">The account whose storage is accessed.</param>
/// <param name="StorageKeys">The storage slots; copied.</param>
public sealed record AccessListEntry(Address Address, IReadOnlyList<Hash32> StorageKeys)
{
    private readonly IReadOnlyList<Hash32> _storageKeys = Copy(StorageKeys);

    /// <summary>The storage slots; the setter copies the list.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public IReadOnlyList<Hash32> StorageKeys
    {
        get => _storageKeys;
        init => _storageKeys = Copy(value);
    }

    /// <inheritdoc />
    public bool Equals(AccessListEntry? other) =>
        other is not null && Address == other.Address && StorageKeys.SequenceEqual(other.StorageKeys);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Address, StorageKeys.Count);

    private static Hash32[] Copy(IReadOnlyList<Hash32> keys)
    {
        ArgumentNullException.ThrowIfNull(keys, nameof(StorageKeys));
        return [.. keys];
    }
}
