using System.Data.Common;
using System.Globalization;
using Keeper.Chain.Primitives;
using Microsoft.Data.Sqlite;

namespace Keeper.Actors.Persistence;

/// <summary>
/// The chain a store belongs to. A store holds one chain's transactions, nonces, claims and checkpoints; a node that
/// ran on another chain against it would re-broadcast or skip the wrong things, so the store records its chain when it
/// is first used and a node of another chain refuses it.
/// </summary>
/// <param name="ChainId">The chain id (<c>eth_chainId</c>).</param>
/// <param name="GenesisHash">The hash of block 0, which tells apart chains that share an id (devnets, forks).</param>
/// <param name="RocketStorage">
/// The protocol's one configured contract, which tells apart deployments on one chain: RocketStorage, or GoGoPool's Storage
/// for the binding of <see cref="StoreBindingScope.GoGoPool"/>.
/// </param>
public sealed record StoreBinding(ulong ChainId, Hash32 GenesisHash, Address RocketStorage)
{
    /// <summary>
    /// Which of the node's chains this binds: Rocket Pool's (the node's main chain) or GoGoPool's (keeper.gogopool), each
    /// recorded in its own table, so a store used with GoGoPool later is bound to that chain from then on.
    /// </summary>
    public StoreBindingScope Scope { get; init; } = StoreBindingScope.RocketPool;

    /// <summary>The table holding Rocket Pool's binding: one row, id 1.</summary>
    public const string TableName = "keeper_store_binding";

    /// <summary>The table holding GoGoPool's binding: one row, id 1.</summary>
    public const string GoGoPoolTableName = "keeper_store_binding_gogopool";

    // "KEPR", the class of Keeper's PostgreSQL advisory locks, and this lock's id within it.
    private const int LockClass = 0x4B455052;
    private const int LockId = 100;

    private string Table => Scope == StoreBindingScope.GoGoPool ? GoGoPoolTableName : TableName;

    private string Column => Scope == StoreBindingScope.GoGoPool ? "storage" : "rocket_storage";

    private string Contract => Scope == StoreBindingScope.GoGoPool ? "GoGoPool Storage" : "RocketStorage";

    /// <summary>
    /// Binds <paramref name="store"/> to <paramref name="expected"/> on first use, or checks it is already bound to it.
    /// Run it before the actor system starts (after <see cref="SqlPersistenceConfig.PrepareSqliteAsync"/> for SQLite).
    /// Safe when several nodes start at once on one database: the first insert wins and every node reads back the
    /// row that won, so two nodes of different chains never both believe they bound the store.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="expected">The chain this node runs on.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>True when this call bound the store; false when it was already bound to <paramref name="expected"/>.</returns>
    /// <exception cref="StoreBindingException">The store is bound to another chain; the message says which and what to do.</exception>
    /// <exception cref="SqlStoreException">The store cannot be reached, or its binding row cannot be read.</exception>
    public static async Task<bool> EnsureAsync(SqlStoreLocation store, StoreBinding expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(expected);
        bool created;
        StoreBinding bound;
        try
        {
            await using var connection = store.CreateConnection();
            await connection.OpenAsync(cancellationToken);
            // SQLite: BEGIN IMMEDIATE takes the write lock first, so concurrent starters take turns.
            // PostgreSQL: the advisory lock serializes CREATE TABLE IF NOT EXISTS, which races in the catalog otherwise.
            await using var transaction = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: false)
                : await connection.BeginTransactionAsync(cancellationToken);
            if (store.Kind == SqlStoreKind.Postgres)
            {
                await ExecuteAsync(transaction, $"SELECT pg_advisory_xact_lock({LockClass}, {LockId + (int)expected.Scope})", expected: null, cancellationToken);
            }

            await ExecuteAsync(transaction, $"""
                CREATE TABLE IF NOT EXISTS {expected.Table} (
                    id             INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
                    chain_id       TEXT    NOT NULL,
                    genesis_hash   TEXT    NOT NULL,
                    {expected.Column} TEXT NOT NULL
                )
                """, expected: null, cancellationToken);
            created = await ExecuteAsync(transaction, $"""
                INSERT INTO {expected.Table} (id, chain_id, genesis_hash, {expected.Column})
                VALUES (1, @chain_id, @genesis_hash, @storage)
                ON CONFLICT (id) DO NOTHING
                """, expected, cancellationToken) == 1;
            bound = await ReadRowAsync(store, transaction, expected.Scope, cancellationToken)
                ?? throw new SqlStoreException(store.Description, $"The {store} has no row in {expected.Table} right after inserting one.");
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException e)
        {
            throw new SqlStoreException(
                store.Description,
                $"Cannot check which chain the {store} belongs to: {e.Message}. Check that the store is reachable and writable by this node.",
                e);
        }

        if (bound != expected)
        {
            throw new StoreBindingException(store.Description, bound, expected, Mismatch(store, bound, expected));
        }

        return created;
    }

    /// <summary>The chain id, genesis hash and RocketStorage address, as messages show them.</summary>
    public override string ToString() => $"chain id {ChainId}, genesis {GenesisHash}, {Contract} {RocketStorage}";

    private static string Mismatch(SqlStoreLocation store, StoreBinding bound, StoreBinding expected)
    {
        var differences = new List<string>(3);
        if (bound.ChainId != expected.ChainId)
        {
            differences.Add("chain id");
        }

        if (bound.GenesisHash != expected.GenesisHash)
        {
            differences.Add("genesis hash");
        }

        if (bound.RocketStorage != expected.RocketStorage)
        {
            differences.Add($"{expected.Contract} address");
        }

        var where = store.Kind == SqlStoreKind.Sqlite ? "a new path (keeper.store.path)" : "a new database (keeper.store.connection-string)";
        return $"The {store} belongs to another chain: it is bound to {bound}, and this node runs on {expected} " +
            $"(they differ in {string.Join(" and ", differences)}). Point keeper.store at {where}, or run against the chain " +
            "this store belongs to. Keep the store: it holds that chain's journal, transactions and claims.";
    }

    private static async Task<StoreBinding?> ReadRowAsync(SqlStoreLocation store, DbTransaction transaction, StoreBindingScope scope, CancellationToken cancellationToken)
    {
        var shape = new StoreBinding(0, default, default) { Scope = scope };
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT chain_id, genesis_hash, {shape.Column} FROM {shape.Table} WHERE id = 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var (chainId, genesis, rocketStorage) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
        if (!ulong.TryParse(chainId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !Hash32.TryParse(genesis, out var genesisHash)
            || !Address.TryParse(rocketStorage, out var rocketStorageAddress))
        {
            throw new SqlStoreException(
                store.Description,
                $"The {store} has an unreadable binding in {shape.Table} (chain_id '{chainId}', genesis_hash '{genesis}', {shape.Column} '{rocketStorage}'); " +
                "it was edited by hand or by another program. Restore it from a backup of the store.");
        }

        return new StoreBinding(id, genesisHash, rocketStorageAddress) { Scope = scope };
    }

    private static async Task<int> ExecuteAsync(DbTransaction transaction, string sql, StoreBinding? expected, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (expected is not null)
        {
            AddParameter(command, "@chain_id", expected.ChainId.ToString(CultureInfo.InvariantCulture));
            AddParameter(command, "@genesis_hash", expected.GenesisHash.ToString());
            AddParameter(command, "@storage", expected.RocketStorage.ToLowerHex());
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
