namespace Keeper.Actors.Tracking;

/// <summary>Asks <see cref="OperatorAccounts"/> for every operator's account; it replies <see cref="OperatorAccountsView"/>.</summary>
public sealed record GetOperatorAccounts
{
    /// <summary>The one instance.</summary>
    public static GetOperatorAccounts Instance { get; } = new();
}

/// <summary>Every tracked megapool's operator account: the own megapools first, then the others by megapool address.</summary>
/// <param name="Accounts">The accounts.</param>
/// <param name="Head">The last head the actor heard of, or null before the first.</param>
public sealed record OperatorAccountsView(IReadOnlyList<OperatorAccount> Accounts, ulong? Head);
