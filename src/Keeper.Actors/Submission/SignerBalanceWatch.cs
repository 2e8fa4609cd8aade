using System.Numerics;
using Akka.Actor;
using Keeper.Actors.Logging;
using Keeper.Actors.Scheduling;
using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Submission;

/// <summary>
/// Reads the signing account's balance at start and at new heads (the scheduler's chain time: every head while the
/// balance is below its floor, else every <see cref="SignerBalanceWatchOptions.OkEveryBlocks"/>), answers
/// <see cref="GetSignerBalance"/> from the last reading, and hands each reading to the submitter, which refuses to send
/// what the balance cannot pay. It logs one line when the first reading arrives and one per change of state (below the
/// floor, zero, back to normal), never one per head or per duty.
/// </summary>
/// <remarks>
/// One read at a time: heads that arrive meanwhile are folded into one read of the newest. A read runs off the mailbox
/// (<c>PipeTo</c>), so the watch always answers at once. A failed read keeps the previous reading (its block and time
/// say how old it is) and is logged once until a read succeeds again.
/// </remarks>
public sealed partial class SignerBalanceWatch : ReceiveActor, IDisposable
{
    private readonly SignerBalanceWatchOptions _options;
    private readonly Func<ulong?, CancellationToken, Task<BigInteger>> _read;
    private readonly CancellationTokenSource _stopping = new();
    private ILogger? _log;
    private SignerBalance _balance;
    private bool _reading;
    private ulong? _wanted;
    private bool _wantedAny;
    private bool _failing;
    private ulong? _lastHeadRead;

    /// <summary>Creates the watch.</summary>
    /// <param name="options">The account, floor, and who to tell.</param>
    /// <param name="read">Reads the account's balance in wei at a block number (null: the latest block).</param>
    public SignerBalanceWatch(SignerBalanceWatchOptions options, Func<ulong?, CancellationToken, Task<BigInteger>> read)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(read);
        _options = options;
        _read = read;
        _balance = SignerBalance.Unread(options.Account, options.FloorWei);
        Receive<ChainTimeAdvanced>(OnHead);
        Receive<DutyNotice>(_ => { });
        Receive<GetSignerBalance>(_ => Sender.Tell(_balance, Self));
        Receive<BalanceRead>(OnRead);
        Receive<BalanceReadFailed>(OnReadFailed);
    }

    private ILogger Log => _log ??= KeeperLogging.Of<SignerBalanceWatch>(Context);

    /// <summary>Props for the watch.</summary>
    public static Props Props(SignerBalanceWatchOptions options, Func<ulong?, CancellationToken, Task<BigInteger>> read) =>
        Akka.Actor.Props.Create(() => new SignerBalanceWatch(options, read));

    /// <inheritdoc />
    protected override void PreStart()
    {
        _options.Scheduler?.Tell(new SubscribeDuties(Self), Self);
        // At start, before the first head: the operator learns the balance as soon as the node runs.
        Want(null);
    }

    /// <inheritdoc />
    /// <remarks>Cancels a read under way: its answer would reach no one.</remarks>
    protected override void PostStop()
    {
        _stopping.Cancel();
        base.PostStop();
    }

    /// <inheritdoc />
    public void Dispose() => _stopping.Dispose();

    private void OnHead(ChainTimeAdvanced m)
    {
        var head = m.Head.Number;
        if (_balance.State == SignerBalanceState.Ok && _lastHeadRead is { } last && head >= last && head - last < _options.OkEveryBlocks)
        {
            return;
        }

        _lastHeadRead = head;
        Want(head);
    }

    private void Want(ulong? block)
    {
        _wanted = block is { } b && _wanted is { } w ? Math.Max(b, w) : block ?? _wanted;
        _wantedAny = true;
        if (!_reading)
        {
            StartRead();
        }
    }

    private void StartRead()
    {
        var block = _wanted;
        _wanted = null;
        _wantedAny = false;
        _reading = true;
        _read(block, _stopping.Token).PipeTo(
            Self,
            success: wei => new BalanceRead(block, wei),
            failure: e => new BalanceReadFailed(block, e.GetBaseException().Message));
    }

    private void OnRead(BalanceRead m)
    {
        _reading = false;
        var previous = _balance.State;
        var state = SignerBalance.Classify(m.Wei, _options.FloorWei);
        _balance = _balance with
        {
            State = state,
            Wei = m.Wei,
            Block = m.Block ?? _balance.Block,
            ReadAt = Context.System.Scheduler.Now,
        };
        if (_failing)
        {
            _failing = false;
            LogReadRecovered(Log, _options.Account);
        }

        if (state != previous)
        {
            Report(previous);
        }

        _options.Submitter?.Tell(_balance, Self);
        NextRead();
    }

    private void OnReadFailed(BalanceReadFailed m)
    {
        _reading = false;
        if (!_failing)
        {
            _failing = true;
            LogReadFailed(Log, _options.Account, m.Block?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "latest", m.Error);
        }

        NextRead();
    }

    private void NextRead()
    {
        if (_wantedAny)
        {
            StartRead();
        }
    }

    private void Report(SignerBalanceState previous)
    {
        var eth = _balance.Eth!;
        var floor = Chain.Primitives.Ether.Format(_options.FloorWei);
        switch (_balance.State)
        {
            case SignerBalanceState.Zero:
                LogZero(Log, _options.Account, _balance.Block);
                break;
            case SignerBalanceState.BelowFloor:
                LogBelowFloor(Log, _options.Account, eth, floor);
                break;
            case SignerBalanceState.Ok when previous == SignerBalanceState.Unknown:
                LogBalance(Log, _options.Account, eth, floor);
                break;
            case SignerBalanceState.Ok:
                LogBackAboveFloor(Log, _options.Account, eth, floor);
                break;
        }
    }

    private sealed record BalanceRead(ulong? Block, BigInteger Wei);

    private sealed record BalanceReadFailed(ulong? Block, string Error);
}
