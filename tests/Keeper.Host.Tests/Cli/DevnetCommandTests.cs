using Keeper.Host.Cli;
using Xunit;

namespace Keeper.Host.Tests.Cli;

/// <summary><c>keeper devnet</c>'s option checks, which refuse bad input before anything starts.</summary>
public sealed class DevnetCommandTests
{
    [Theory]
    [InlineData("-1")]
    [InlineData("101")]
    public async Task GoGoPool_OutOfRange_RefusedNamingTheRangeBeforeStarting(string count)
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("devnet", "--gogopool", count);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Equal(
            "keeper devnet: --gogopool must be 0 (no GoGoPool chain) to 100 minipools (each is seeded in a block of its own); 9 or more seed every case.",
            error.Trim());
        Assert.Empty(output);
    }

    [Fact]
    public async Task Nodes_OutOfRange_RefusedBeforeStarting()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("devnet", "--nodes", "9", "--gogopool", "10");

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Equal("keeper devnet: --nodes must be 1 to 8 (the dev chain funds 10 accounts).", error.Trim());
    }
}
