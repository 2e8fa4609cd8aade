namespace Keeper.Host.Http;

/// <summary>The signing account's balance, as <c>/api/balance</c> shows it.</summary>
/// <param name="Account">The signing account.</param>
/// <param name="State">Ok, BelowFloor, Zero or Unknown (not read yet).</param>
/// <param name="Wei">The balance in wei (decimal text); null until read.</param>
/// <param name="Eth">The balance in ether (exact decimal text); null until read.</param>
/// <param name="Block">The block it was read at; null until read.</param>
/// <param name="ReadAt">When it was read (UTC); null until read.</param>
/// <param name="FloorWei">The warning floor (keeper.signer.balance-floor-gwei) in wei.</param>
/// <param name="FloorEth">The warning floor in ether.</param>
/// <param name="NotReadyReason">Why the balance makes the node unready (zero), or null.</param>
public sealed record SignerBalanceView(
    string Account, string State, string? Wei, string? Eth, ulong? Block, DateTimeOffset? ReadAt, string FloorWei, string FloorEth, string? NotReadyReason);
