using Akka.Actor;
using Keeper.Actors.Logging;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Contracts.RocketPool.Events;
using Keeper.Chain.Watching;
using Microsoft.Extensions.Logging;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tracking;

/// <summary>
/// Keeps, per node operator of the tracked megapools, the deposit credit, the megapool's debt and its refund value as the
/// contracts report them. The registry passes on the watcher's events: a megapool whose events show a change (a validator
/// enqueued, dequeued, dissolved or exited, a debt increased) is read again at the next head, and every megapool at least
/// every <see cref="OperatorAccountsOptions.RefreshEveryBlocks"/> blocks, or at once after a reorg or a re-resolved
/// deployment. Reads run in batches off the actor (one at a time) and come back as messages, so a query never waits on the chain.
/// </summary>
/// <remarks>Heads are the only clock: a read that failed is tried again at the next head (at once if one came while it ran), never in a loop.</remarks>
public sealed partial class OperatorAccounts : ReceiveActor
{
    private readonly OperatorAccountsOptions _options;
    private readonly IOperatorAccountReader _reader;
    private readonly Dictionary<Address, Address?> _known = [];
    private readonly Dictionary<Address, OperatorAccount> _accounts = [];
    private readonly HashSet<Address> _changed = [];
    private ILogger? _log;
    private Address _depositPool;
    private bool _readAll = true;
    private ulong? _head;
    private ulong? _lastFullRead;
    private bool _reading;
    private string? _failure;

    /// <summary>Creates the actor.</summary>
    public OperatorAccounts(OperatorAccountsOptions options, IOperatorAccountReader reader)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfZero(options.RefreshEveryBlocks, "OperatorAccountsOptions.RefreshEveryBlocks");
        _options = options;
        _reader = reader;
        _depositPool = options.DepositPool;
        foreach (var (megapool, node) in options.Own)
        {
            _known[megapool] = node;
        }

        Receive<WatcherEvents>(m => OnEvents(m.Events));
        Receive<WatcherEvent>(m => OnEvents([m]));
        Receive<RestoreTrackers>(m => Learn(m.Megapools));
        Receive<AccountsRead>(OnRead);
        Receive<AccountsReadFailed>(OnReadFailed);
        Receive<GetOperatorAccounts>(_ => Sender.Tell(View(), Self));
    }

    private ILogger Log => _log ??= KeeperLogging.Of<OperatorAccounts>(Context);

    /// <summary>Props for the actor.</summary>
    public static Props Props(OperatorAccountsOptions options, IOperatorAccountReader reader) =>
        Akka.Actor.Props.Create(() => new OperatorAccounts(options, reader));

    private void OnEvents(IReadOnlyList<WatcherEvent> events)
    {
        var head = false;
        foreach (var e in events)
        {
            switch (e)
            {
                case MegapoolValidatorRead m:
                    Learn([m.Megapool]);
                    break;
                case PoolLogObserved { Event: MegapoolValidatorLog log }:
                    Changed(log.Megapool);
                    break;
                case PoolLogObserved { Event: MegapoolDebtIncreasedLog log }:
                    Changed(log.Emitter);
                    break;
                case DeploymentChanged m:
                    _depositPool = m.Deployment.DepositPool;
                    _readAll = true;
                    break;
                case ChainReorged:
                    _readAll = true;
                    break;
                case HeadAdvanced m:
                    _head = m.Block.Number;
                    head = true;
                    break;
            }
        }

        if (head)
        {
            ReadIfDue();
        }
    }

    private void Learn(IEnumerable<Address> megapools)
    {
        foreach (var megapool in megapools)
        {
            if (_known.TryAdd(megapool, null))
            {
                _changed.Add(megapool);
            }
        }
    }

    private void Changed(Address megapool)
    {
        _known.TryAdd(megapool, null);
        _changed.Add(megapool);
    }

    private void ReadIfDue()
    {
        if (_reading || _head is not { } head || _known.Count == 0)
        {
            return;
        }

        var full = _readAll || _lastFullRead is not { } last || head >= last + _options.RefreshEveryBlocks;
        var megapools = full ? [.. _known.Keys] : _changed.ToArray();
        if (megapools.Length == 0)
        {
            return;
        }

        _reading = true;
        _readAll = false;
        _changed.Clear();
        var request = megapools.Select(m => (m, _known[m])).ToArray();
        // Not cancelled on stop: the client's own timeouts end a read, and a late answer only reaches dead letters.
        _reader.ReadAsync(_depositPool, request, head, CancellationToken.None).PipeTo(
            Self,
            success: accounts => new AccountsRead(head, full, accounts),
            failure: ex => new AccountsReadFailed(head, full, megapools, ex.GetBaseException().Message));
    }

    private void OnRead(AccountsRead m)
    {
        _reading = false;
        foreach (var account in m.Accounts)
        {
            if (account.Node is { } node)
            {
                _known[account.Megapool] = node;
            }

            _accounts[account.Megapool] = new OperatorAccount(
                account.Megapool, _known[account.Megapool], _options.Own.ContainsKey(account.Megapool), account.Credit, account.Debt, account.Refund, m.Block, account.Problem);
        }

        if (m.Full)
        {
            _lastFullRead = m.Block;
        }

        if (_failure is not null)
        {
            LogReadRecovered(Log, m.Block);
            _failure = null;
        }

        // What changed while this read ran is read at the newest head now, not one block later.
        if (_head > m.Block)
        {
            ReadIfDue();
        }
    }

    private void OnReadFailed(AccountsReadFailed m)
    {
        _reading = false;
        _changed.UnionWith(m.Megapools);
        _readAll |= m.Full;
        // One line when reads start failing, not one per block while the node stays unreachable.
        if (_failure is null)
        {
            LogReadFailed(Log, m.Megapools.Count, m.Block, m.Reason);
        }

        _failure = m.Reason;
        // A head that came while the read ran is the next head: try again at it now rather than one block later.
        if (_head > m.Block)
        {
            ReadIfDue();
        }
    }

    private OperatorAccountsView View()
    {
        var accounts = _known.Keys
            .Select(m => _accounts.TryGetValue(m, out var a) ? a : new OperatorAccount(m, _known[m], _options.Own.ContainsKey(m), null, null, null, 0, null))
            .OrderByDescending(a => a.Own)
            .ThenBy(a => a.Megapool)
            .ToArray();
        return new OperatorAccountsView(accounts, _head);
    }

    private sealed record AccountsRead(ulong Block, bool Full, IReadOnlyList<MegapoolAccount> Accounts);

    private sealed record AccountsReadFailed(ulong Block, bool Full, IReadOnlyList<Address> Megapools, string Reason);
}
