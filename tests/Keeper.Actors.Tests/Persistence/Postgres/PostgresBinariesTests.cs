using Keeper.Host.Devnet.Postgres;
using Xunit;

namespace Keeper.Actors.Tests.Persistence.Postgres;

public sealed class PostgresBinariesTests
{
    [Fact]
    public void Locate_FolderWithoutTheServer_ThrowsNamingTheDebianPackage()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"keeper-no-pg-{Guid.NewGuid():N}");

        var e = Assert.Throws<InvalidOperationException>(() => PostgresBinaries.Locate(folder));

        Assert.Contains("'initdb'", e.Message, StringComparison.Ordinal);
        Assert.Contains(folder, e.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install postgresql-15", e.Message, StringComparison.Ordinal);
        Assert.Contains(PostgresBinaries.FolderVariable, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_DebianFolder_IsWhereTheServerIs()
    {
        Assert.Equal(PostgresBinaries.DebianFolder, PostgresBinaries.Locate(PostgresBinaries.DebianFolder));
    }
}
