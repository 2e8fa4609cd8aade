using System.Data.Common;
using Keeper.Actors.Persistence;
using Keeper.Actors.Persistence.Postgres;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.Gate.Claims;

/// <summary>
/// Gate claims in a <see cref="SqliteClaimDatabase"/> (several processes on one host) or a
/// <see cref="PostgresClaimDatabase"/> (a cluster across hosts); the same statements run on both, and the database's
/// schema migrations create the table.
/// </summary>
/// <remarks>
/// A claim is an <c>INSERT … ON CONFLICT DO NOTHING</c>: the primary key (task, window) and the partial unique index on
/// blocking claims (pending, or mined with a reorg fence) decide, so the database arbitrates between any number of
/// writers (PostgreSQL makes a concurrent insert of the same key wait for the first to commit or roll back, and checks
/// the index against the newest row versions, not the statement's snapshot: a pending claim that turns mined and fenced
/// meanwhile still blocks). Before the insert, the same transaction lifts the task's fence if the claimer's head has
/// passed it. When nothing was inserted, the blocking claim is read in the same transaction to say why. On PostgreSQL
/// that claim can change between the two statements (a pending claim turns failed); the insert is then tried again,
/// since the way may now be free.
/// </remarks>
public sealed class SqlClaimStore : IClaimStore
{
    private const int MaxAttempts = 16;

    private readonly ISqlExecutor _store;

    /// <summary>Uses the claim table of <paramref name="store"/>, which owns the connections.</summary>
    public SqlClaimStore(SqliteClaimDatabase store)
        : this((ISqlExecutor)store)
    {
    }

    /// <summary>Uses the claim table of <paramref name="store"/>, which owns the connections.</summary>
    public SqlClaimStore(PostgresClaimDatabase store)
        : this((ISqlExecutor)store)
    {
    }

    private SqlClaimStore(ISqlExecutor store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <inheritdoc />
    public Task<ClaimResult> TryClaimAsync(Claim claim, ulong head, CancellationToken cancellationToken)
    {
        ClaimGuards.Claim(claim, nameof(claim));
        return _store.ExecuteWriteAsync((connection, transaction, ct) => ClaimAsync(connection, transaction, claim, head, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ClaimResult>> TryClaimAllAsync(IReadOnlyList<Claim> claims, ulong head, CancellationToken cancellationToken)
    {
        foreach (var claim in claims)
        {
            ClaimGuards.Claim(claim, nameof(claims));
        }

        return _store.ExecuteWriteAsync<IReadOnlyList<ClaimResult>>(
            async (connection, transaction, ct) =>
            {
                var results = new ClaimResult[claims.Count];
                for (var i = 0; i < claims.Count; i++)
                {
                    results[i] = await ClaimAsync(connection, transaction, claims[i], head, ct);
                }

                return results;
            },
            cancellationToken);
    }

    private async Task<ClaimResult> ClaimAsync(DbConnection connection, DbTransaction transaction, Claim claim, ulong head, CancellationToken ct)
    {
        // Past its fence the mined claim's member no longer watches the transaction for a reorg: the action is done for
        // good, and the claim stops blocking. (A reorg deeper than that watch is beyond what Keeper follows.)
        await SqlCommands.ExecuteAsync(
            connection,
            transaction,
            "UPDATE claim SET fence_until = NULL WHERE task_key = @task AND fence_until IS NOT NULL AND fence_until < @head",
            ct,
            ("@task", claim.TaskKey),
            ("@head", Block(head)));
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var inserted = await SqlCommands.ExecuteAsync(
                connection,
                transaction,
                $"INSERT INTO claim ({ClaimColumns.Row}) VALUES (@task, @window, @member, @tx, @state, @created, @updated, NULL) ON CONFLICT DO NOTHING",
                ct,
                ("@task", claim.TaskKey),
                ("@window", claim.Window),
                ("@member", claim.MemberId),
                ("@tx", ClaimColumns.TxHash(claim.TxHash)),
                ("@state", ClaimColumns.State(claim.State)),
                ("@created", claim.Created.UtcTicks),
                ("@updated", claim.Updated.UtcTicks));
            if (inserted == 1)
            {
                return new ClaimResult(ClaimOutcome.Claimed, claim);
            }

            if (await ReadOneAsync(connection, transaction, claim.TaskKey, claim.Window, ct) is { } sameWindow)
            {
                return new ClaimResult(ClaimOutcome.WindowTaken, sameWindow);
            }

            var blocking = await SqlCommands.QueryAsync(
                connection,
                transaction,
                $"SELECT {ClaimColumns.Row} FROM claim WHERE task_key = @task AND (state = 'pending' OR fence_until IS NOT NULL)",
                ClaimColumns.Read,
                ct,
                ("@task", claim.TaskKey));
            if (blocking.Count > 0)
            {
                return new ClaimResult(blocking[0].State == ClaimState.Pending ? ClaimOutcome.PendingElsewhere : ClaimOutcome.ReorgFenced, blocking[0]);
            }
        }

        throw new StoreException(
            StoreErrorKind.Locked,
            _store.Location,
            $"Claiming task '{claim.TaskKey}' window {claim.Window} kept conflicting with claims that changed under it ({MaxAttempts} "
            + "attempts); other members are updating this task's claims rapidly. Try again in the next round.");
    }

    /// <inheritdoc />
    public Task<bool> AbandonStaleAsync(Claim stale, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ClaimGuards.Key(stale.TaskKey, stale.Window, stale.MemberId, nameof(stale));
        return _store.ExecuteWriteAsync(
            async (connection, transaction, ct) => await SqlCommands.ExecuteAsync(
                connection,
                transaction,
                "UPDATE claim SET state = 'abandoned', updated = @now WHERE task_key = @task AND window_nr = @window AND member_id = @member AND state = 'pending'",
                ct,
                ("@task", stale.TaskKey),
                ("@window", stale.Window),
                ("@member", stale.MemberId),
                ("@now", now.UtcTicks)) == 1,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<Claim> UpdateAsync(
        string taskKey, long window, string memberId, ClaimState newState, Hash32? txHash, ulong? fenceUntil, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateAsync(taskKey, window, memberId, newState, txHash, fenceUntil, null, now, cancellationToken);

    /// <inheritdoc />
    public Task<Claim> UpdateAsync(
        string taskKey, long window, string memberId, ClaimState newState, Hash32? txHash, ulong? fenceUntil, ClaimReceipt? receipt, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ClaimGuards.Key(taskKey, window, memberId, nameof(taskKey));
        ClaimGuards.State(newState, nameof(newState));
        ClaimGuards.Fence(newState, fenceUntil, nameof(fenceUntil));
        return _store.ExecuteWriteAsync(
            async (connection, transaction, ct) =>
            {
                // Only the owner's pending claim changes: the conditions are in the statement, so no writer can slip
                // between a check and the write.
                var updated = await SqlCommands.ExecuteAsync(
                    connection,
                    transaction,
                    """
                    UPDATE claim SET state = @state, tx_hash = COALESCE(@tx, tx_hash), fence_until = @fence, updated = @now,
                        sent_at = COALESCE(sent_at, @sent), block_nr = @block, gas_used = @gas, gas_price = @price, fee_wei = @fee
                    WHERE task_key = @task AND window_nr = @window AND member_id = @member AND state = 'pending'
                    """,
                    ct,
                    [
                        ("@task", taskKey),
                        ("@window", window),
                        ("@member", memberId),
                        ("@state", ClaimColumns.State(newState)),
                        ("@tx", ClaimColumns.TxHash(txHash)),
                        ("@fence", fenceUntil is { } f ? Block(f) : null),
                        ("@now", now.UtcTicks),
                        ("@sent", txHash is null ? null : now.UtcTicks),
                        .. Figures(receipt),
                    ]);
                var current = await ReadOneAsync(connection, transaction, taskKey, window, ct);
                if (updated == 1 && current is not null)
                {
                    return current;
                }

                if (current is null)
                {
                    throw new ClaimUpdateException(ClaimUpdateError.NotFound, taskKey, window, memberId, null);
                }

                if (!string.Equals(current.MemberId, memberId, StringComparison.Ordinal))
                {
                    throw new ClaimUpdateException(ClaimUpdateError.NotOwner, taskKey, window, memberId, current);
                }

                if (current.State == newState && (txHash is null || current.TxHash == txHash))
                {
                    if (receipt is not null)
                    {
                        await SqlCommands.ExecuteAsync(
                            connection,
                            transaction,
                            "UPDATE claim SET block_nr = @block, gas_used = @gas, gas_price = @price, fee_wei = @fee WHERE task_key = @task AND window_nr = @window",
                            ct,
                            [("@task", taskKey), ("@window", window), .. Figures(receipt)]);
                    }

                    return current.FenceUntil is { } fence && fenceUntil > fence
                        ? await MoveFenceAsync(connection, transaction, current, fenceUntil.Value, now, ct)
                        : current;
                }

                throw new ClaimUpdateException(ClaimUpdateError.AlreadyFinal, taskKey, window, memberId, current);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> ReopenAsync(string taskKey, long window, string memberId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ClaimGuards.Key(taskKey, window, memberId, nameof(taskKey));
        return _store.ExecuteWriteAsync(
            async (connection, transaction, ct) =>
            {
                // The partial unique index on blocking claims still decides between concurrent writers; the NOT EXISTS
                // only spares the common case an index violation.
                await SqlCommands.ExecuteAsync(
                    connection,
                    transaction,
                    """
                    UPDATE claim SET state = 'pending', fence_until = NULL, updated = @now,
                        block_nr = NULL, gas_used = NULL, gas_price = NULL, fee_wei = NULL
                    WHERE task_key = @task AND window_nr = @window AND member_id = @member AND state = 'mined'
                      AND NOT EXISTS (SELECT 1 FROM claim other WHERE other.task_key = @task AND other.window_nr <> @window
                                      AND (other.state = 'pending' OR other.fence_until IS NOT NULL))
                    """,
                    ct,
                    ("@task", taskKey),
                    ("@window", window),
                    ("@member", memberId),
                    ("@now", now.UtcTicks));
                var current = await ReadOneAsync(connection, transaction, taskKey, window, ct);
                return current is { State: ClaimState.Pending } && string.Equals(current.MemberId, memberId, StringComparison.Ordinal);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Claim>> GetAsync(string taskKey, CancellationToken cancellationToken)
    {
        ClaimGuards.TaskKey(taskKey, nameof(taskKey));
        return _store.ExecuteReadAsync<IReadOnlyList<Claim>>(
            async (connection, ct) => await SqlCommands.QueryAsync(
                connection, null, $"SELECT {ClaimColumns.Row} FROM claim WHERE task_key = @task ORDER BY window_nr", ClaimColumns.Read, ct, ("@task", taskKey)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Claim>> GetPendingAsync(CancellationToken cancellationToken) =>
        _store.ExecuteReadAsync<IReadOnlyList<Claim>>(
            async (connection, ct) => await SqlCommands.QueryAsync(
                connection, null, $"SELECT {ClaimColumns.Row} FROM claim WHERE state = 'pending' ORDER BY task_key", ClaimColumns.Read, ct),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ClaimHistoryEntry>> GetHistoryAsync(DateTimeOffset since, DateTimeOffset? until, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (until < since)
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, $"The history's end must not be before its start ({since:O}).");
        }

        return _store.ExecuteReadAsync<IReadOnlyList<ClaimHistoryEntry>>(
            async (connection, ct) => await SqlCommands.QueryAsync(
                connection,
                null,
                $"SELECT {ClaimColumns.HistoryRow} FROM claim WHERE created >= @since AND created < @until ORDER BY created, task_key, window_nr LIMIT @limit",
                ClaimColumns.ReadHistory,
                ct,
                ("@since", since.UtcTicks),
                ("@until", until?.UtcTicks ?? DateTimeOffset.MaxValue.UtcTicks),
                ("@limit", limit)),
            cancellationToken);
    }

    private static (string, object?)[] Figures(ClaimReceipt? receipt) =>
    [
        ("@block", receipt is null ? null : Block(receipt.Block)),
        ("@gas", receipt is null ? null : checked((long)receipt.GasUsed)),
        ("@price", ClaimColumns.Wei(receipt?.EffectiveGasPrice)),
        ("@fee", ClaimColumns.Wei(receipt?.Fee)),
    ];

    // The same transaction mined again in a later block after a reorg: its member watches it from there, so the fence
    // moves with it. Only a fence still up moves; one already lifted stays down (the task may have passed on).
    private static async Task<Claim> MoveFenceAsync(DbConnection connection, DbTransaction transaction, Claim current, ulong fenceUntil, DateTimeOffset now, CancellationToken ct)
    {
        await SqlCommands.ExecuteAsync(
            connection,
            transaction,
            """
            UPDATE claim SET fence_until = @fence, updated = @now
            WHERE task_key = @task AND window_nr = @window AND state = 'mined' AND fence_until IS NOT NULL AND fence_until < @fence
            """,
            ct,
            ("@task", current.TaskKey),
            ("@window", current.Window),
            ("@fence", Block(fenceUntil)),
            ("@now", now.UtcTicks));
        return await ReadOneAsync(connection, transaction, current.TaskKey, current.Window, ct) ?? current;
    }

    // Block numbers are stored as signed 64-bit integers (both databases); no chain comes near the limit.
    private static long Block(ulong number) => checked((long)number);

    private static async Task<Claim?> ReadOneAsync(DbConnection connection, DbTransaction transaction, string taskKey, long window, CancellationToken cancellationToken)
    {
        var rows = await SqlCommands.QueryAsync(
            connection,
            transaction,
            $"SELECT {ClaimColumns.Row} FROM claim WHERE task_key = @task AND window_nr = @window",
            ClaimColumns.Read,
            cancellationToken,
            ("@task", taskKey),
            ("@window", window));
        return rows.Count == 0 ? null : rows[0];
    }
}
