using System.Data.Common;
using Keeper.Actors.Persistence;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.Membership;

/// <summary>How rows and statuses are written to and read from the membership table.</summary>
internal static class MembershipColumns
{
    public const string Row = "member_id, signing_address, host, started, status, i_am_alive, version";

    public static string Status(MemberStatus status) => status switch
    {
        MemberStatus.Joining => "joining",
        MemberStatus.Active => "active",
        MemberStatus.ShuttingDown => "shutting_down",
        MemberStatus.Dead => "dead",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a member status."),
    };

    public static MemberStatus ParseStatus(string text) => text switch
    {
        "joining" => MemberStatus.Joining,
        "active" => MemberStatus.Active,
        "shutting_down" => MemberStatus.ShuttingDown,
        "dead" => MemberStatus.Dead,
        _ => throw new FormatException($"The membership table holds an unknown status '{text}'; it was written by a newer Keeper."),
    };

    /// <summary>Reads a row whose columns start at <paramref name="first"/> in <see cref="Row"/> order.</summary>
    public static MemberRow Read(DbDataReader reader, int first = 0) =>
        new(
            reader.GetString(first),
            Address.Parse(reader.GetString(first + 1)),
            reader.GetString(first + 2),
            SqlCommands.FromTicks(reader.GetInt64(first + 3)),
            ParseStatus(reader.GetString(first + 4)),
            SqlCommands.FromTicks(reader.GetInt64(first + 5)),
            reader.GetInt64(first + 6));
}
