using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>A transaction the keeper may send: target, calldata and a readable description for logs.</summary>
/// <param name="To">The contract called.</param>
/// <param name="Data">The calldata (selector and arguments).</param>
/// <param name="Description">What it does, e.g. <c>dissolveValidator(7) on 0xabc…</c>.</param>
public sealed record ContractCall(Address To, byte[] Data, string Description)
{
    /// <summary>The 4-byte function selector, for allow-lists of (contract, selector) pairs.</summary>
    public ReadOnlySpan<byte> Selector => Data.AsSpan(0, 4);
}
