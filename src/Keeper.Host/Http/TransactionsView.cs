namespace Keeper.Host.Http;

/// <summary>The body of <c>GET /api/transactions</c>.</summary>
/// <param name="Account">The signing account.</param>
/// <param name="NextNonce">The next nonce it will use.</param>
/// <param name="ByState">How many transactions are in each state.</param>
/// <param name="Transactions">The transactions, newest first.</param>
public sealed record TransactionsView(string Account, ulong NextNonce, IReadOnlyDictionary<string, int> ByState, IReadOnlyList<TransactionView> Transactions);
