namespace Keeper.Actors.Submission;

/// <summary>
/// Reads <c>eth_sendRawTransaction</c> errors. Some mean the network already has a transaction with this nonce (ours,
/// sent before a crash or by a timed-out attempt that did arrive, or mined already): that is "already submitted", not a
/// failure, and the answer is to look for the receipt, never to sign something new.
/// </summary>
public static class NodeErrors
{
    // Compared after lowercasing and removing spaces and underscores, so geth/anvil/erigon prose ("nonce too low",
    // "already known", "replacement transaction underpriced", geth's older "known transaction"), Besu's codes
    // (NONCE_TOO_LOW, TRANSACTION_ALREADY_KNOWN, REPLACEMENT_UNDERPRICED) and Nethermind's (OldNonce, AlreadyKnown)
    // all match.
    private static readonly string[] AlreadySubmittedMarkers =
    [
        "noncetoolow",
        "oldnonce",
        "alreadyknown",
        "knowntransaction",
        "alreadyimported",
        "replacementtransactionunderpriced",
        "replacementunderpriced",
    ];

    // geth, anvil, erigon and reth: "insufficient funds for gas * price + value"; Nethermind: InsufficientFunds; Besu:
    // UPFRONT_COST_EXCEEDS_BALANCE.
    private static readonly string[] InsufficientFundsMarkers =
    [
        "insufficientfunds",
        "upfrontcostexceedsbalance",
    ];

    /// <summary>True when the node's message says a transaction with this nonce or hash is already in its pool or on chain.</summary>
    public static bool MeansAlreadySubmitted(string? nodeMessage) => Matches(nodeMessage, AlreadySubmittedMarkers);

    /// <summary>True when the node's message says the account cannot pay for the transaction (gas limit times fee cap, plus value).</summary>
    public static bool MeansInsufficientFunds(string? nodeMessage) => Matches(nodeMessage, InsufficientFundsMarkers);

    private static bool Matches(string? nodeMessage, string[] markers)
    {
        if (string.IsNullOrEmpty(nodeMessage))
        {
            return false;
        }

        var folded = nodeMessage.ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        return markers.Any(marker => folded.Contains(marker, StringComparison.Ordinal));
    }
}
