namespace Keeper.Actors.Gate.Claims;

/// <summary>
/// The claim table. The gate's invariants are the database's, not the application's: the primary key allows one claim per
/// (task, window), and a partial unique index allows one blocking claim per task: pending, or mined with its reorg fence
/// up (<c>fence_until</c>, migration 4). Every writer, in any process or host, goes through them.
/// </summary>
/// <remarks><c>window_nr</c> because <c>window</c> is a reserved word in PostgreSQL. Times are caller-supplied UTC ticks.</remarks>
internal static class ClaimSchema
{
    public const string Sqlite = """
        CREATE TABLE claim (
            task_key  TEXT    NOT NULL,
            window_nr INTEGER NOT NULL CHECK (window_nr >= 0),
            member_id TEXT    NOT NULL,
            tx_hash   TEXT    NULL CHECK (tx_hash IS NULL OR (length(tx_hash) = 66 AND tx_hash = lower(tx_hash))),
            state     TEXT    NOT NULL CHECK (state IN ('pending', 'mined', 'failed', 'abandoned')),
            created   INTEGER NOT NULL,
            updated   INTEGER NOT NULL,
            PRIMARY KEY (task_key, window_nr)
        );
        CREATE UNIQUE INDEX claim_one_pending_per_task ON claim (task_key) WHERE state = 'pending';
        """;

    public const string Postgres = """
        CREATE TABLE claim (
            task_key  text COLLATE "C" NOT NULL,
            window_nr bigint NOT NULL CHECK (window_nr >= 0),
            member_id text COLLATE "C" NOT NULL,
            tx_hash   text NULL CHECK (tx_hash IS NULL OR (length(tx_hash) = 66 AND tx_hash = lower(tx_hash))),
            state     text NOT NULL CHECK (state IN ('pending', 'mined', 'failed', 'abandoned')),
            created   bigint NOT NULL,
            updated   bigint NOT NULL,
            PRIMARY KEY (task_key, window_nr)
        );
        CREATE UNIQUE INDEX claim_one_pending_per_task ON claim (task_key) WHERE state = 'pending';
        """;

    /// <summary>
    /// Migration 4 (both databases): a successful mined claim keeps blocking the task until <c>fence_until</c>, the last
    /// block at which its member still watches the transaction for a reorg, because a node that keeps a reorged
    /// transaction in its mempool may mine it again while another member sends a second one. The unique index that
    /// allowed one pending claim per task now allows one blocking claim per task, pending or fenced; a claimer lifts an
    /// expired fence (by its head) in the same transaction as its insert.
    /// </summary>
    public const string ReorgFence = """
        ALTER TABLE claim ADD COLUMN fence_until BIGINT NULL CHECK (fence_until IS NULL OR (state = 'mined' AND fence_until >= 0));
        DROP INDEX claim_one_pending_per_task;
        CREATE UNIQUE INDEX claim_one_blocking_per_task ON claim (task_key) WHERE state = 'pending' OR fence_until IS NOT NULL;
        """;

    /// <summary>
    /// Migration 6 (both databases): the figures a cluster-wide history of actions needs, written by the claim's member:
    /// when it sent (the first transaction hash), and from the receipt once mined the block, gas used, effective gas price
    /// and fee. Wei are decimal text (they exceed 64 bits). The columns are nullable, so a member of the previous release
    /// sharing the store during an upgrade still inserts and updates its claims; the index serves history by time.
    /// </summary>
    public const string History = """
        ALTER TABLE claim ADD COLUMN sent_at BIGINT NULL;
        ALTER TABLE claim ADD COLUMN block_nr BIGINT NULL CHECK (block_nr IS NULL OR block_nr >= 0);
        ALTER TABLE claim ADD COLUMN gas_used BIGINT NULL CHECK (gas_used IS NULL OR gas_used >= 0);
        ALTER TABLE claim ADD COLUMN gas_price TEXT NULL;
        ALTER TABLE claim ADD COLUMN fee_wei TEXT NULL;
        CREATE INDEX claim_by_created ON claim (created);
        """;
}
