namespace Keeper.Host.Http;

/// <summary>Node operators' deposit credit, megapool debt and refund value, the body of <c>/api/operators</c>.</summary>
/// <param name="Head">The last head the accounts heard of, or null before the first.</param>
/// <param name="Operators">One per tracked megapool: the own first, then by megapool address.</param>
public sealed record OperatorsView(ulong? Head, IReadOnlyList<OperatorView> Operators);
