using System.Numerics;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tracking;

/// <summary>One node operator's money as the contracts last reported it (see <see cref="OperatorAccounts"/>).</summary>
/// <param name="Megapool">The operator's megapool.</param>
/// <param name="Node">The node operator, or null while unknown (megapool not read yet, or not deployed).</param>
/// <param name="Own">True for a megapool of this keeper's own operator (keeper.own, else the signing account's).</param>
/// <param name="Credit">Deposit credit in wei (rocketDepositPool <c>getNodeCreditBalance</c>), or null while unread.</param>
/// <param name="Debt">The megapool's debt in wei (<c>getDebt</c>), or null while unread.</param>
/// <param name="Refund">The megapool's refund value in wei (<c>getRefundValue</c>), or null while unread.</param>
/// <param name="Block">The block the values were read at; 0 while unread.</param>
/// <param name="Problem">Why a value could not be read at that block, or null.</param>
public sealed record OperatorAccount(Address Megapool, Address? Node, bool Own, BigInteger? Credit, BigInteger? Debt, BigInteger? Refund, ulong Block, string? Problem);
