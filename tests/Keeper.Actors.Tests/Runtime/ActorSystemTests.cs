using Keeper.Actors.Runtime;
using Keeper.Actors.TestKit;
using Xunit;

namespace Keeper.Actors.Tests.Runtime;

public sealed class ActorSystemTests : ActorTestKit
{
    [Fact]
    public async Task ActorOf_NamedAndGeneratedChildren_HaveUniquePathsUnderTheirParents()
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new Parent()), "parent");

        parent.Tell(new SpawnTwo(), probe.Ref);

        var spawned = await probe.ExpectMsgAsync<Spawned>();
        Assert.Equal("keeper://test/user/parent", parent.Path.ToString());
        Assert.Equal("keeper://test/user/parent/worker", spawned.Named.Path.ToString());
        Assert.Equal("keeper://test/user/parent/$1", spawned.Generated.Path.ToString());
        Assert.Equal(parent.Path, spawned.Named.Path.Parent);
    }

    [Fact]
    public void ActorOf_NameTakenBySibling_ThrowsInvalidActorNameException()
    {
        Sys.ActorOf(Props.Create(() => new Parent()), "same");

        var error = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new Parent()), "same"));
        Assert.Contains("'same' is not unique under keeper://test/user", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("$reserved")]
    [InlineData("a/b")]
    [InlineData("a b")]
    public void ActorOf_MalformedName_ThrowsInvalidActorNameException(string name)
    {
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new Parent()), name));
    }

    [Fact]
    public void Create_MalformedSystemName_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => ActorSystem.Create("bad name"));
    }

    [Fact]
    public async Task Context_InsideHandler_ExposesSelfSenderParentAndChildren()
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new Parent()), "parent");
        parent.Tell(new SpawnTwo(), probe.Ref);
        var spawned = await probe.ExpectMsgAsync<Spawned>();

        spawned.Named.Tell(new Describe(), probe.Ref);

        var description = await probe.ExpectMsgAsync<Description>();
        Assert.Same(spawned.Named, description.Self);
        Assert.Same(probe.Ref, description.Sender);
        Assert.Same(parent, description.Parent);
        Assert.Same(spawned.Named, probe.LastSender);
        parent.Tell(new ListChildren(), probe.Ref);
        var children = await probe.ExpectMsgAsync<ChildList>();
        Assert.Equal(["$1", "worker"], children.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Tell_WithoutSender_ReplyGoesToDeadLetters()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent()), "parent");

        parent.Tell(new Describe());
        await QuiesceAsync();

        Assert.Equal(1, Sys.DeadLetterCount);
        Assert.Contains(Logs.Entries, e => e.Message.Contains("Description from keeper://test/user/parent to keeper://test/deadLetters", StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_CalledWithNew_ThrowsWithAHint()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Parent());
        Assert.Contains("Props.Create", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActorOf_AfterTerminate_Throws()
    {
        Assert.True(await Sys.TerminateAsync(TimeSpan.FromSeconds(10)));

        Assert.Throws<InvalidOperationException>(() => Sys.ActorOf(Props.Create(() => new Parent())));
    }

    private sealed record SpawnTwo;

    private sealed record Spawned(IActorRef Named, IActorRef Generated);

    private sealed record Describe;

    private sealed record Description(IActorRef Self, IActorRef Sender, IActorRef Parent);

    private sealed record ListChildren;

    private sealed record ChildList(IReadOnlyList<string> Names);

    private sealed class Parent : ReceiveActor
    {
        public Parent()
        {
            Receive<SpawnTwo>(_ => Sender.Tell(
                new Spawned(Context.ActorOf(Props.Create(() => new Parent()), "worker"), Context.ActorOf(Props.Create(() => new Parent()))),
                Self));
            Receive<Describe>(_ => Sender.Tell(new Description(Self, Sender, Context.Parent), Self));
            Receive<ListChildren>(_ => Sender.Tell(new ChildList([.. Context.Children.Select(c => c.Path.Name)]), Self));
        }
    }
}
