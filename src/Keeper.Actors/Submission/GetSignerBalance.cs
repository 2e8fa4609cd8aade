namespace Keeper.Actors.Submission;

/// <summary>Asks the <see cref="SignerBalanceWatch"/> for the signing account's balance; it replies <see cref="SignerBalance"/>.</summary>
public sealed record GetSignerBalance
{
    /// <summary>The one instance.</summary>
    public static GetSignerBalance Instance { get; } = new();
}
