using System.Data.Common;
using Keeper.Actors.Persistence;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.Gate.Claims;

/// <summary>How claims and states are written to and read from the claim table.</summary>
internal static class ClaimColumns
{
    public const string Row = "task_key, window_nr, member_id, tx_hash, state, created, updated, fence_until";

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
