using System.Numerics;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>
/// A megapool's node operator's money as the contracts report it, read at one block: what <c>rocketpool node status</c>
/// shows as the credit balance, the megapool debt and the megapool refund value.
/// </summary>
/// <param name="Megapool">The megapool.</param>
/// <param name="Node">Its node operator, or null when <c>getNodeAddress()</c> could not be read (not deployed).</param>
/// <param name="Credit">rocketDepositPool <c>getNodeCreditBalance(node)</c> in wei, or null when not read.</param>
/// <param name="Debt">The megapool's <c>getDebt()</c> in wei (penalties, late-notify fines), or null when not read.</param>
/// <param name="Refund">The megapool's <c>getRefundValue()</c> in wei, or null when not read.</param>
/// <param name="Problem">Why a value is missing (e.g. the megapool is not deployed yet), or null when all were read.</param>
public sealed record MegapoolAccount(Address Megapool, Address? Node, BigInteger? Credit, BigInteger? Debt, BigInteger? Refund, string? Problem);
