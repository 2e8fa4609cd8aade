using Keeper.Actors.Scheduling;
using Keeper.Actors.Tracking;
using Keeper.Chain.Primitives;
using Xunit;

namespace Keeper.Actors.Tests.Scheduling;

public sealed class DeadlineBookTests
{
    private static Duty DutyAt(string key, ulong dueAt) => new(key, DutyKind.DissolveMinipool, Address.Zero, null, dueAt);

    [Fact]
    public void AdvanceTo_DueTimeReached_PublishesOnceAndNeverEarly()
    {
        var book = new DeadlineBook();
        book.AdvanceTo(100);
        Assert.Empty(book.Schedule(DutyAt("a", 150)));

        Assert.Empty(book.AdvanceTo(149));
        var due = Assert.IsType<DutyDue>(Assert.Single(book.AdvanceTo(150)));
        Assert.Empty(book.AdvanceTo(151));
        Assert.Empty(book.AdvanceTo(10_000));

        Assert.Equal("a", due.Duty.Key);
        Assert.Equal(150UL, due.NextBlockTime);
    }

    [Fact]
    public void Schedule_AlreadyDue_PublishesAtOnce()
    {
        var book = new DeadlineBook();
        book.AdvanceTo(200);
        Assert.IsType<DutyDue>(Assert.Single(book.Schedule(DutyAt("a", 150))));
    }

    [Fact]
    public void Schedule_BeforeAnyHead_WaitsForChainTime()
    {
        var book = new DeadlineBook();
        Assert.Empty(book.Schedule(DutyAt("a", 1)));
        Assert.Single(book.AdvanceTo(1));
    }

    [Fact]
    public void AdvanceTo_ManyDuties_PublishedInDueOrder()
    {
        var book = new DeadlineBook();
        book.AdvanceTo(0);
        foreach (var (key, at) in new[] { ("c", 30UL), ("a", 10UL), ("b", 20UL), ("d", 40UL) })
        {
            book.Schedule(DutyAt(key, at));
        }

        var keys = book.AdvanceTo(35).Cast<DutyDue>().Select(d => d.Duty.Key);

        Assert.Equal(["a", "b", "c"], keys);
        Assert.Equal(40UL, book.NextDueAt);
    }

    [Fact]
    public void Schedule_SameDutyAgain_NothingNew()
    {
        var book = new DeadlineBook();
        book.AdvanceTo(200);
        book.Schedule(DutyAt("a", 150));
        Assert.Empty(book.Schedule(DutyAt("a", 150)));
    }

    [Fact]
    public void Schedule_PublishedDutyMovedLater_RetractedThenPublishedAgainWhenDue()
    {
        var book = new DeadlineBook();
        book.AdvanceTo(200);
        book.Schedule(DutyAt("a", 150));

        Assert.IsType<DutyCancelled>(Assert.Single(book.Schedule(DutyAt("a", 300))));
        Assert.Empty(book.AdvanceTo(299));
        Assert.IsType<DutyDue>(Assert.Single(book.AdvanceTo(300)));
    }

    [Fact]
    public void Cancel_Published_NotifiesAndUnpublished_Silently()
    {
        var book = new DeadlineBook();
        book.AdvanceTo(100);
        book.Schedule(DutyAt("due", 50));
        book.Schedule(DutyAt("later", 500));

        Assert.Equal("staked", Assert.IsType<DutyCancelled>(Assert.Single(book.Cancel("due", "staked"))).Reason);
        Assert.Empty(book.Cancel("later", "staked"));
        Assert.Empty(book.Cancel("unknown", "x"));
        Assert.Empty(book.AdvanceTo(1_000));
        Assert.Equal(0, book.Count);
    }

    [Fact]
    public void AdvanceTo_ChainTimeGoesBack_RetractsWhatIsNoLongerDueAndRepublishesLater()
    {
        var book = new DeadlineBook();
        book.Schedule(DutyAt("a", 150));
        book.Schedule(DutyAt("b", 100));
        book.AdvanceTo(160);

        var back = book.AdvanceTo(140);

        Assert.Equal("a", Assert.IsType<DutyCancelled>(Assert.Single(back)).Key);
        Assert.True(book.IsPublished("b"));
        Assert.Equal("a", Assert.IsType<DutyDue>(Assert.Single(book.AdvanceTo(150))).Duty.Key);
    }
}
