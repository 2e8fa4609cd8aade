using Keeper.Actors.Runtime;
using Xunit;

namespace Keeper.Actors.Tests.Runtime;

public sealed class ActorPathTests
{
    [Fact]
    public void ToString_NestedPath_IsTheKeeperUri()
    {
        var path = ActorPath.Root("node").Child("user").Child("registry").Child("megapool-1");

        Assert.Equal("keeper://node/user/registry/megapool-1", path.ToString());
        Assert.Equal(3, path.Depth);
    }

    [Fact]
    public void Equals_SameElements_AreEqualWithEqualHashes()
    {
        var a = ActorPath.Root("node").Child("user").Child("a");
        var b = ActorPath.Root("node").Child("user").Child("a");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, ActorPath.Root("node").Child("user").Child("b"));
        Assert.NotEqual(a, ActorPath.Root("other").Child("user").Child("a"));
    }
}
