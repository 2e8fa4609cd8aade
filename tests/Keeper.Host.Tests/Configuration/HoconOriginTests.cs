using Keeper.Host.Configuration;
using Xunit;

namespace Keeper.Host.Tests.Configuration;

public sealed class HoconOriginTests
{
    [Fact]
    public void ToString_PositionInAFile_ReadsSourceLineColumn()
    {
        Assert.Equal("node.conf:4:9", new HoconOrigin("node.conf", 4, 9).ToString());
    }

    [Fact]
    public void ToString_OutsideAnyText_ReadsTheSourceAlone()
    {
        var origin = HoconOrigin.Outside("environment variable KEEPER_keeper__http__port");

        Assert.Equal("environment variable KEEPER_keeper__http__port", origin.ToString());
        Assert.Equal(
            "environment variable KEEPER_keeper__http__port: keeper.http.port is wrong",
            new HoconException(origin, "keeper.http.port is wrong").Message);
    }
}
