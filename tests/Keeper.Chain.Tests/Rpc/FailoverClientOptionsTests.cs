using Keeper.Chain.Rpc;
using Xunit;

namespace Keeper.Chain.Tests.Rpc;

public sealed class FailoverClientOptionsTests
{
    private static readonly FailoverClientOptions Valid = new() { Endpoints = [new Uri("http://127.0.0.1:8545")] };

    [Fact]
    public void Defaults_AreTheDocumentedValues()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), Valid.RequestTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(500), Valid.HedgeDelay);
        Assert.Equal(5, Valid.MaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(250), Valid.InitialBackoff);
        Assert.Equal(TimeSpan.FromSeconds(10), Valid.MaxBackoff);
        Assert.Equal(2, Valid.BackoffMultiplier);
        Assert.Equal(64L * 1024 * 1024, Valid.MaxResponseBytes);
        Assert.Equal([-32005], Valid.RetryableErrorCodes);
        Valid.Validate();
    }

    public static TheoryData<string, FailoverClientOptions> InvalidOptions() => new()
    {
        { "Endpoints", Valid with { Endpoints = [] } },
        { "Endpoints", Valid with { Endpoints = [new Uri("ws://127.0.0.1:8546")] } },
        { "Endpoints", Valid with { Endpoints = [new Uri("/rpc", UriKind.Relative)] } },
        { "Endpoints", Valid with { Endpoints = [new Uri("http://127.0.0.1:8545"), null!] } },
        { "RequestTimeout", Valid with { RequestTimeout = TimeSpan.Zero } },
        { "RequestTimeout", Valid with { RequestTimeout = TimeSpan.FromDays(2) } },
        { "HedgeDelay", Valid with { HedgeDelay = TimeSpan.Zero } },
        { "MaxAttempts", Valid with { MaxAttempts = 0 } },
        { "InitialBackoff", Valid with { InitialBackoff = TimeSpan.FromMilliseconds(-1) } },
        { "InitialBackoff", Valid with { InitialBackoff = TimeSpan.FromSeconds(20) } },
        { "MaxBackoff", Valid with { InitialBackoff = TimeSpan.Zero, MaxBackoff = TimeSpan.FromDays(1) } },
        { "BackoffMultiplier", Valid with { BackoffMultiplier = 0.5 } },
        { "BackoffMultiplier", Valid with { BackoffMultiplier = double.NaN } },
        { "MaxResponseBytes", Valid with { MaxResponseBytes = 0 } },
        { "RetryableErrorCodes", Valid with { RetryableErrorCodes = null! } },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Validate_InvalidSetting_ThrowsNamingIt(string setting, FailoverClientOptions options)
    {
        var error = Assert.ThrowsAny<ArgumentException>(options.Validate);

        Assert.Equal(setting, error.ParamName);
        Assert.Contains($"FailoverClientOptions.{setting}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => new FailoverClient(Valid with { MaxAttempts = 0 }));
    }
}
