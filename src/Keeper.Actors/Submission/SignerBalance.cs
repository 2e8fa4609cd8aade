using System.Numerics;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.Submission;

/// <summary>
/// The signing account's balance as last read (<see cref="SignerBalanceWatch"/>): what the operator must keep funded.
/// A failed read keeps the previous reading; <see cref="ReadAt"/> and <see cref="Block"/> say how old it is.
/// </summary>
/// <param name="Account">The signing account.</param>
/// <param name="State">What the balance means against <paramref name="FloorWei"/>.</param>
/// <param name="Wei">The balance in wei; null until first read.</param>
/// <param name="Block">The block it was read at; null until first read.</param>
/// <param name="ReadAt">When it was read (UTC); null until first read.</param>
/// <param name="FloorWei">The configured floor (keeper.signer.balance-floor-gwei) below which the node warns.</param>
public sealed record SignerBalance(Address Account, SignerBalanceState State, BigInteger? Wei, ulong? Block, DateTimeOffset? ReadAt, BigInteger FloorWei)
{
    /// <summary>The balance in ether, exact; null until first read.</summary>
    public string? Eth => Wei is { } wei ? Ether.Format(wei) : null;

    /// <summary>Not read yet.</summary>
    public static SignerBalance Unread(Address account, BigInteger floorWei) => new(account, SignerBalanceState.Unknown, null, null, null, floorWei);

    /// <summary>The state of <paramref name="wei"/> against <paramref name="floorWei"/>.</summary>
    public static SignerBalanceState Classify(BigInteger wei, BigInteger floorWei) =>
        wei.IsZero ? SignerBalanceState.Zero : wei < floorWei ? SignerBalanceState.BelowFloor : SignerBalanceState.Ok;

    /// <summary>
    /// Why the node is not ready because of its balance, or null when the balance does not stop it: a signer with
    /// nothing can pay for no transaction, so a due action would go undone. Below the floor (a warning) and not yet read
    /// (the RPC has its own reason) do not make it unready.
    /// </summary>
    public string? NotReadyReason() => State == SignerBalanceState.Zero
        ? $"signer balance is zero: {Account} holds 0 ETH at block {Block}; send ETH to it"
        : null;

    /// <summary>True when it cannot pay <paramref name="neededWei"/> as of the last reading; false when it can or was never read.</summary>
    public bool CannotPay(BigInteger neededWei) => Wei is { } wei && wei < neededWei;
}
