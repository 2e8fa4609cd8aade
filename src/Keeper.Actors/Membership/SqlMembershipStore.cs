using System.Data.Common;
using Keeper.Actors.Persistence;
using Keeper.Actors.Persistence.Postgres;

namespace Keeper.Actors.Membership;

/// <summary>
/// The membership table in a <see cref="SqliteClaimDatabase"/> (several processes on one host) or a
/// <see cref="PostgresClaimDatabase"/> (a cluster across hosts); the same statements run on both, and the database's
/// schema migrations create the tables.
/// </summary>
/// <remarks>
/// Every versioned write first locks the one-row version table (an update that changes nothing), then changes member
/// rows, then increments the table version if anything changed, all in one transaction. Taking the version row first
/// serializes membership changes (they are rare) and gives every writer the same lock order, so PostgreSQL never
/// deadlocks two of them. A conditional update (<c>WHERE version = expected</c>) that matches no row is the conflict;
/// the transaction rolls back and nothing, the table version included, changes.
/// </remarks>
public sealed class SqlMembershipStore : IMembershipStore
{
    private const string LockVersionSql = "UPDATE membership_version SET version = version WHERE id = 1";
    private const string BumpVersionSql = "UPDATE membership_version SET version = version + 1 WHERE id = 1";
    private const string ReadRowSql = $"SELECT {MembershipColumns.Row} FROM membership WHERE member_id = @id";

    private readonly ISqlExecutor _store;

    /// <summary>Uses the membership tables of <paramref name="store"/>, which owns the connections.</summary>
    public SqlMembershipStore(SqliteClaimDatabase store)
        : this((ISqlExecutor)store)
    {
    }

    /// <summary>Uses the membership tables of <paramref name="store"/>, which owns the connections.</summary>
    public SqlMembershipStore(PostgresClaimDatabase store)
        : this((ISqlExecutor)store)
    {
    }

    private SqlMembershipStore(ISqlExecutor store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <inheritdoc />
    public Task<MemberRow> JoinAsync(MemberInfo member, CancellationToken cancellationToken)
    {
        MembershipGuards.Member(member, nameof(member));
        var row = new MemberRow(member.MemberId, member.SigningAddress, member.Host, member.Started, MemberStatus.Joining, member.Started, 1);
        return _store.ExecuteWriteAsync(
            async (connection, transaction, ct) =>
            {
                await SqlCommands.ExecuteAsync(connection, transaction, LockVersionSql, ct);
                var inserted = await SqlCommands.ExecuteAsync(
                    connection,
                    transaction,
                    $"INSERT INTO membership ({MembershipColumns.Row}) VALUES (@id, @address, @host, @started, @status, @alive, 1) ON CONFLICT DO NOTHING",
                    ct,
                    ("@id", row.MemberId),
                    ("@address", row.SigningAddress.ToLowerHex()),
                    ("@host", row.Host),
                    ("@started", row.Started.UtcTicks),
                    ("@status", MembershipColumns.Status(row.Status)),
                    ("@alive", row.IAmAlive.UtcTicks));
                if (inserted == 0)
                {
                    throw new MembershipConflictException(row.MemberId, 0, await ReadRowAsync(connection, transaction, row.MemberId, ct));
                }

                await SqlCommands.ExecuteAsync(connection, transaction, BumpVersionSql, ct);
                return row;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<MemberRow?> HeartbeatAsync(string memberId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        MembershipGuards.MemberId(memberId, nameof(memberId));
        return _store.ExecuteWriteAsync(
            async (connection, transaction, ct) =>
            {
                await SqlCommands.ExecuteAsync(
                    connection,
                    transaction,
                    "UPDATE membership SET i_am_alive = CASE WHEN i_am_alive < @now THEN @now ELSE i_am_alive END WHERE member_id = @id",
                    ct,
                    ("@id", memberId),
                    ("@now", now.UtcTicks));
                return await ReadRowAsync(connection, transaction, memberId, ct);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> LeaveAsync(string memberId, CancellationToken cancellationToken)
    {
        MembershipGuards.MemberId(memberId, nameof(memberId));
        return _store.ExecuteWriteAsync(
            async (connection, transaction, ct) =>
            {
                await SqlCommands.ExecuteAsync(connection, transaction, LockVersionSql, ct);
                var deleted = await SqlCommands.ExecuteAsync(connection, transaction, "DELETE FROM membership WHERE member_id = @id", ct, ("@id", memberId));
                if (deleted > 0)
                {
                    await SqlCommands.ExecuteAsync(connection, transaction, BumpVersionSql, ct);
                }

                return deleted > 0;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<MembershipSnapshot> ReadAllAsync(CancellationToken cancellationToken) =>
        _store.ExecuteReadAsync(
            async (connection, ct) =>
            {
                // One statement, so the rows and the table version come from one snapshot; the outer join returns the
                // version even when the table is empty.
                var version = 0L;
                var rows = await SqlCommands.QueryAsync(
                    connection,
                    null,
                    $"""
                    SELECT v.version, {string.Join(", ", MembershipColumns.Row.Split(", ").Select(c => "m." + c))}
                    FROM membership_version v LEFT JOIN membership m ON 1 = 1
                    WHERE v.id = 1
                    ORDER BY m.member_id
                    """,
                    reader =>
                    {
                        version = reader.GetInt64(0);
                        return reader.IsDBNull(1) ? null : MembershipColumns.Read(reader, first: 1);
                    },
                    ct);
                return new MembershipSnapshot(rows.OfType<MemberRow>().ToArray(), version);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<MemberRow> UpdateAsync(MemberRow row, long expectedVersion, CancellationToken cancellationToken)
    {
        MembershipGuards.Row(row, nameof(row));
        ArgumentOutOfRangeException.ThrowIfLessThan(expectedVersion, 1);
        return _store.ExecuteWriteAsync(
            async (connection, transaction, ct) =>
            {
                await SqlCommands.ExecuteAsync(connection, transaction, LockVersionSql, ct);
                var updated = await SqlCommands.ExecuteAsync(
                    connection,
                    transaction,
                    """
                    UPDATE membership
                    SET status = @status, i_am_alive = CASE WHEN i_am_alive < @alive THEN @alive ELSE i_am_alive END, version = version + 1
                    WHERE member_id = @id AND version = @expected
                    """,
                    ct,
                    ("@id", row.MemberId),
                    ("@status", MembershipColumns.Status(row.Status)),
                    ("@alive", row.IAmAlive.UtcTicks),
                    ("@expected", expectedVersion));
                var current = await ReadRowAsync(connection, transaction, row.MemberId, ct);
                if (updated == 0 || current is null)
                {
                    throw new MembershipConflictException(row.MemberId, expectedVersion, current);
                }

                await SqlCommands.ExecuteAsync(connection, transaction, BumpVersionSql, ct);
                return current;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> CleanupAsync(DateTimeOffset aliveBefore, CancellationToken cancellationToken) =>
        _store.ExecuteWriteAsync(
            async (connection, transaction, ct) =>
            {
                await SqlCommands.ExecuteAsync(connection, transaction, LockVersionSql, ct);
                var deleted = await SqlCommands.ExecuteAsync(
                    connection, transaction, "DELETE FROM membership WHERE i_am_alive < @before", ct, ("@before", aliveBefore.UtcTicks));
                if (deleted > 0)
                {
                    await SqlCommands.ExecuteAsync(connection, transaction, BumpVersionSql, ct);
                }

                return deleted;
            },
            cancellationToken);

    private static async Task<MemberRow?> ReadRowAsync(DbConnection connection, DbTransaction transaction, string memberId, CancellationToken cancellationToken)
    {
        var rows = await SqlCommands.QueryAsync(connection, transaction, ReadRowSql, reader => MembershipColumns.Read(reader), cancellationToken, ("@id", memberId));
        return rows.Count == 0 ? null : rows[0];
    }
}
