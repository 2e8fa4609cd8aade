using System.Data.Common;
using System.Globalization;
using System.Numerics;
using Keeper.Actors.Persistence;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.Gate.Claims;

/// <summary>How claims and states are written to and read from the claim table.</summary>
internal static class ClaimColumns
{
    public const string Row = "task_key, window_nr, member_id, tx_hash, state, created, updated, fence_until";

    // Row, then the history's figures (migration 6).
    public const string HistoryRow = Row + ", sent_at, block_nr, gas_used, gas_price, fee_wei";

    public static string State(ClaimState state) => state switch
    {
        ClaimState.Pending => "pending",
        ClaimState.Mined => "mined",
        ClaimState.Failed => "failed",
        ClaimState.Abandoned => "abandoned",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a claim state."),
    };

    public static ClaimState ParseState(string text) => text switch
    {
        "pending" => ClaimState.Pending,
        "mined" => ClaimState.Mined,
        "failed" => ClaimState.Failed,
        "abandoned" => ClaimState.Abandoned,
        _ => throw new FormatException($"The claim table holds an unknown state '{text}'; it was written by a newer Keeper."),
    };

    public static string? TxHash(Hash32? hash) => hash?.ToString();

    public static string? Wei(BigInteger? wei) => wei?.ToString(CultureInfo.InvariantCulture);

    public static ClaimHistoryEntry ReadHistory(DbDataReader reader)
    {
        var claim = Read(reader);
        var sent = reader.IsDBNull(8) ? (DateTimeOffset?)null : SqlCommands.FromTicks(reader.GetInt64(8));
        ClaimReceipt? receipt = null;
        if (!reader.IsDBNull(9) && !reader.IsDBNull(10) && !reader.IsDBNull(11))
        {
            var price = reader.GetString(11);
            receipt = new ClaimReceipt(
                (ulong)reader.GetInt64(9),
                (ulong)reader.GetInt64(10),
                BigInteger.TryParse(price, NumberStyles.None, CultureInfo.InvariantCulture, out var wei)
                    ? wei
                    : throw new FormatException($"The claim table holds gas price '{price}' for task '{claim.TaskKey}' window {claim.Window}; it is not a decimal amount of wei."));
        }

        return new ClaimHistoryEntry(claim, sent, receipt);
    }

    public static Claim Read(DbDataReader reader) =>
        new(
            reader.GetString(0),
            reader.GetInt64(1),
            reader.GetString(2),
            reader.IsDBNull(3) ? null : Hash32.Parse(reader.GetString(3)),
            ParseState(reader.GetString(4)),
            SqlCommands.FromTicks(reader.GetInt64(5)),
            SqlCommands.FromTicks(reader.GetInt64(6)),
            reader.IsDBNull(7) ? null : (ulong)reader.GetInt64(7));
}
