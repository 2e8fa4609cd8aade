namespace Keeper.Chain.Eth;

/// <summary>
/// Block overrides for <c>eth_call</c>'s fourth parameter (geth and anvil accept it), used to simulate a call as it
/// would run in the next block, at that block's timestamp.
/// </summary>
/// <param name="Time">The block timestamp to simulate, or null to keep the node's.</param>
/// <param name="Number">The block number to simulate, or null to keep the node's.</param>
public sealed record BlockOverrides(ulong? Time = null, ulong? Number = null);
