using System.Numerics;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Eth;

/// <summary>The transaction object of <c>eth_call</c> and <c>eth_estimateGas</c>.</summary>
/// <param name="To">The contract called.</param>
/// <param name="Data">The calldata.</param>
/// <param name="From">The caller, or null for the zero address.</param>
/// <param name="Gas">A gas limit, or null for the node's default.</param>
/// <param name="Value">Wei sent along, or null for none.</param>
public sealed record CallRequest(Address To, byte[] Data, Address? From = null, ulong? Gas = null, BigInteger? Value = null);
