using System.Numerics;
using Keeper.Chain.Primitives;

namespace Keeper.Integration.Tests.Node;

/// <summary>A transaction on the canonical chain, with the status of its receipt.</summary>
/// <param name="Block">The block that holds it.</param>
/// <param name="Hash">Its hash.</param>
/// <param name="From">Its sender.</param>
/// <param name="Nonce">Its nonce.</param>
/// <param name="To">Its recipient (null for a deployment).</param>
/// <param name="Value">The wei it moves.</param>
/// <param name="Input">Its call data.</param>
/// <param name="Succeeded">Whether its receipt says it succeeded.</param>
public sealed record SentTransaction(ulong Block, Hash32 Hash, Address From, ulong Nonce, Address? To, BigInteger Value, byte[] Input, bool Succeeded)
{
    /// <summary>A zero-value self-transfer with no data: how a keeper fills a nonce whose action is no longer its own.</summary>
    public bool IsCancellation => To == From && Value.IsZero && Input.Length == 0;
}
