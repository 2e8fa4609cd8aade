namespace Keeper.Host.Http;

/// <summary>One operator in <see cref="OperatorsView"/>; amounts are wei as decimal strings, null while unread.</summary>
/// <param name="Megapool">The megapool.</param>
/// <param name="Node">The node operator, or null while unknown.</param>
/// <param name="Own">True for this keeper's own operator (keeper.own, else the signing account).</param>
/// <param name="CreditWei">Deposit credit (rocketDepositPool <c>getNodeCreditBalance</c>): dequeued bonds, reduced bonds.</param>
/// <param name="DebtWei">The megapool's debt (<c>getDebt</c>): dissolve penalties, late-notify fines, shortfalls.</param>
/// <param name="RefundWei">The megapool's refund value (<c>getRefundValue</c>): a dissolved validator's bond net of the prestake, paid by a claim after the debt.</param>
/// <param name="Block">The block the amounts were read at; 0 while unread.</param>
/// <param name="Problem">Why an amount could not be read (e.g. the megapool is not deployed yet), or null.</param>
public sealed record OperatorView(string Megapool, string? Node, bool Own, string? CreditWei, string? DebtWei, string? RefundWei, ulong Block, string? Problem);
