using Keeper.Actors.Gate;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Host.Node;
using Keeper.Testing.Time;
using Xunit;

namespace Keeper.Host.Tests.Node;

/// <summary>The board keeps each part's latest answer and knows since when a busy part has not answered, on a clock the test moves.</summary>
public sealed class NodeStateBoardTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _time = new(Start);
    private readonly NodeStateBoard _board;

    public NodeStateBoardTests()
    {
        _board = new NodeStateBoard(_time);
    }

    [Fact]
    public void Read_BeforeAnyAnswer_EmptyStateAndTheStoreNotYetReachable()
    {
        Assert.Null(_board.Watcher.Head);
        Assert.Equal(new RegistryStats(0, 0, 0), _board.Registry);
        Assert.Empty(_board.Duties.Duties);
        Assert.False(_board.Gate.StoreReachable);
        Assert.Empty(_board.Submitter.Transactions);
        Assert.Null(_board.OldestPendingSince);
        Assert.All(_board.Parts(), p => Assert.Equal((null, null), (p.AnsweredAt, p.WaitingSince)));
    }

    [Fact]
    public void Asked_PartBusyAcrossSeveralQuestions_KeepsItsLastAnswerAndWaitsSinceTheFirstUnanswered()
    {
        var head = Header(7);
        _board.Asked(NodePart.Watcher);
        _board.Answered(NodePart.Watcher, new WatcherHead(head) { ChainTip = 7 });
        _time.Advance(TimeSpan.FromSeconds(1));
        _board.Asked(NodePart.Watcher);
        _time.Advance(TimeSpan.FromSeconds(30));
        _board.Asked(NodePart.Watcher);

        var part = _board.Parts().Single(p => p.Part == NodePart.Watcher);
        Assert.Equal(new NodePartStatus(NodePart.Watcher, Start, Start.AddSeconds(1)), part);
        Assert.Equal((head, 7UL), (_board.Watcher.Head, _board.Watcher.ChainTip!.Value));
    }

    [Fact]
    public void Answered_AfterWaiting_NewAnswerAndNoLongerWaiting()
    {
        _board.Asked(NodePart.Gate);
        _time.Advance(TimeSpan.FromSeconds(5));
        _board.Answered(NodePart.Gate, new GateStatus([], true, [], 3, 2, 1));

        Assert.Equal(new NodePartStatus(NodePart.Gate, Start.AddSeconds(5), null), _board.Parts().Single(p => p.Part == NodePart.Gate));
        Assert.Equal((true, 3L), (_board.Gate.StoreReachable, _board.Gate.TurnsHeld));
    }

    [Fact]
    public void OldestPendingSince_FirstSeenPendingUntilMined()
    {
        _board.Answered(NodePart.Submitter, Submitter(Tx(1, TransactionState.Pending)));
        _time.Advance(TimeSpan.FromSeconds(12));
        _board.Answered(NodePart.Submitter, Submitter(Tx(1, TransactionState.Pending), Tx(2, TransactionState.Created)));
        var both = _board.OldestPendingSince;
        _board.Answered(NodePart.Submitter, Submitter(Tx(1, TransactionState.Succeeded), Tx(2, TransactionState.Pending)));
        var second = _board.OldestPendingSince;
        _board.Answered(NodePart.Submitter, Submitter(Tx(1, TransactionState.Succeeded), Tx(2, TransactionState.Succeeded)));

        Assert.Equal((Start, Start.AddSeconds(12)), (both!.Value, second!.Value));
        Assert.Null(_board.OldestPendingSince);
    }

    [Fact]
    public void OldestPendingSince_JournaledSentTime_ItsSendingNotWhenTheBoardSawIt()
    {
        // Recovered after a restart: sent an hour before this board first saw it.
        _board.Answered(NodePart.Submitter, Submitter(Tx(1, TransactionState.Pending) with { SentAt = Start.AddHours(-1) }, Tx(2, TransactionState.Pending)));

        Assert.Equal(Start.AddHours(-1), _board.OldestPendingSince);
    }

    [Fact]
    public void PartOf_EveryQuestionsAnswer_ItsPart()
    {
        Assert.Equal(NodePart.Watcher, NodeStateBoard.PartOf(new WatcherHead(null)));
        Assert.Equal(NodePart.Own, NodeStateBoard.PartOf(OwnStatus.Empty));
        Assert.Null(NodeStateBoard.PartOf("something else"));
        Assert.IsType<GetGateStatus>(NodeStateBoard.QuestionFor(NodePart.Gate));
        Assert.All(Enum.GetValues<NodePart>(), p => Assert.NotNull(NodeStateBoard.QuestionFor(p)));
    }

    private static BlockHeader Header(ulong number) => new(number, Hash(1), Hash(2), 1_700_000_000 + number, 1, 30_000_000, 0);

    private static SubmitterStatus Submitter(params TransactionRecord[] transactions) => new(Address.Zero, 3, transactions);

    private static TransactionRecord Tx(byte n, TransactionState state) => new("dissolve:minipool:0x01", n, Hash(n), state, 2, 1, null, null, 0);

    private static Hash32 Hash(byte n)
    {
        var bytes = new byte[32];
        bytes[31] = n;
        return new Hash32(bytes);
    }
}
