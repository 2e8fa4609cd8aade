using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Persistence;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Testing.Persistence;
using Microsoft.Data.Sqlite;
using Nethereum.Model;
using Xunit;

namespace Keeper.Integration.Tests.Node;

/// <summary>
/// A real keeper process started on a store written by Keeper before Akka.Persistence, whose old journal holds the
/// node's dissolve sent and waiting in the pool (with the node's claim on it, as that version's gate left it). The
/// upgraded node must resume that transaction, not send a second one for the same action.
/// </summary>
public sealed class UpgradeFromOldStoreTests : KeeperProcessTestBase
{
    [Fact]
    public async Task Start_OldJournalHoldsTheActionInThePool_ImportedAndMinedOnce_NoSecondTransactionNothingReverted()
    {
        var (megapool, id, dueAt) = await PrestakedValidatorAsync();
        var task = TaskKeys.DissolveMegapoolValidator(megapool, id);
        var firstBlock = await Chain.Eth.BlockNumberAsync(CancellationToken.None) + 1;
        await ManualMiningAsync();
        await MineAtAsync(dueAt - BlockSeconds, null);
        var call = Megapool.DissolveValidator(megapool, id);
        var signed = await Chain.SignAsync(Chain.Keys[1], call.To, call.Data, gas: 400_000);
        var tx = (Transaction1559)TransactionFactory.CreateTransaction(signed.Bytes);
        var version = new TransactionVersion(signed.Hash, signed.Bytes, call.To, call.Data, (ulong)tx.GasLimit!.Value, tx.MaxFeePerGas!.Value, tx.MaxPriorityFeePerGas!.Value, false);
        Assert.Equal(signed.Hash, await Chain.Eth.SendRawTransactionAsync(signed.Bytes, CancellationToken.None));
        await WriteOldStoreAsync(task, version);

        var node = await StartKeeperAsync();
        await MineAtAsync(dueAt, node);
        for (var i = 1; i <= 3; i++)
        {
            await MineAtAsync(dueAt + (ulong)(i * BlockSeconds), node);
        }

        Assert.True(await DissolvedAsync(megapool, id), Log());
        var sent = Assert.Single(await ChainLedger.SentByAsync(Chain, [KeeperAddress], firstBlock));
        Assert.Equal((signed.Hash, true), (sent.Hash, sent.Succeeded));
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Latest));
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Pending));
        Assert.Contains($"Imported 2 events of {Submitter.PersistenceIdFor(KeeperAddress)} (1 transactions unfinished)", Log(), StringComparison.Ordinal);
        await AssertNoClaimLeftOpenAsync();
    }

    // The old version's tables and journal rows (Created, then Sent), and its gate's pending claim with the hash, as the
    // old node left them; the claim table is the same in both versions.
    private async Task WriteOldStoreAsync(string task, TransactionVersion version)
    {
        var path = Path.Combine(Work, "keeper.db");
        var persistenceId = Submitter.PersistenceIdFor(KeeperAddress);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await OldKeeperStore.ExecuteAsync(connection, OldKeeperStore.SqliteTables);
            await OldKeeperStore.AppendAsync(connection, persistenceId, [new TransactionCreated(task, 0, version), new TransactionSent(0, version.Hash)]);
        }

        await using var database = await SqliteClaimDatabase.OpenAsync(new SqliteClaimDatabaseOptions(SqlStoreLocation.Sqlite(path)), TimeProvider.System, null, CancellationToken.None);
        var claims = new SqlClaimStore(database);
        var now = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        Assert.True((await claims.TryClaimAsync(new Claim(task, 0, "node-1", null, ClaimState.Pending, now, now), head: 0, CancellationToken.None)).IsClaimed);
        await claims.UpdateAsync(task, 0, "node-1", ClaimState.Pending, version.Hash, null, now, CancellationToken.None);
    }
}
