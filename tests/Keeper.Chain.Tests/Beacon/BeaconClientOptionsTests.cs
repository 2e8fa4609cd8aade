using Keeper.Chain.Beacon;
using Xunit;

namespace Keeper.Chain.Tests.Beacon;

public sealed class BeaconClientOptionsTests
{
    private static readonly BeaconClientOptions Valid = new() { Endpoints = [new Uri("http://127.0.0.1:5052")] };

    [Fact]
    public void Validate_Defaults_Pass() => Valid.Validate();

    [Theory]
    [InlineData(nameof(BeaconClientOptions.MaxIdsPerGetRequest))]
    [InlineData(nameof(BeaconClientOptions.MaxIdsPerPostRequest))]
    [InlineData(nameof(BeaconClientOptions.MaxAttempts))]
    [InlineData(nameof(BeaconClientOptions.RequestTimeout))]
    [InlineData(nameof(BeaconClientOptions.InitialBackoff))]
    [InlineData(nameof(BeaconClientOptions.BackoffMultiplier))]
    [InlineData(nameof(BeaconClientOptions.MaxResponseBytes))]
    [InlineData(nameof(BeaconClientOptions.MaxSszResponseBytes))]
    [InlineData(nameof(BeaconClientOptions.SszRequestTimeout))]
    [InlineData(nameof(BeaconClientOptions.Endpoints))]
    public void Validate_OutOfRange_ThrowsNamingTheSetting(string setting)
    {
        var options = setting switch
        {
            nameof(BeaconClientOptions.MaxIdsPerGetRequest) => Valid with { MaxIdsPerGetRequest = 65 },
            nameof(BeaconClientOptions.MaxIdsPerPostRequest) => Valid with { MaxIdsPerPostRequest = 0 },
            nameof(BeaconClientOptions.MaxAttempts) => Valid with { MaxAttempts = 0 },
            nameof(BeaconClientOptions.RequestTimeout) => Valid with { RequestTimeout = TimeSpan.Zero },
            nameof(BeaconClientOptions.InitialBackoff) => Valid with { InitialBackoff = TimeSpan.FromMinutes(1) },
            nameof(BeaconClientOptions.BackoffMultiplier) => Valid with { BackoffMultiplier = double.NaN },
            nameof(BeaconClientOptions.MaxResponseBytes) => Valid with { MaxResponseBytes = 0 },
            nameof(BeaconClientOptions.MaxSszResponseBytes) => Valid with { MaxSszResponseBytes = (long)Array.MaxLength + 1 },
            nameof(BeaconClientOptions.SszRequestTimeout) => Valid with { SszRequestTimeout = TimeSpan.Zero },
            _ => Valid with { Endpoints = [] },
        };

        var error = Assert.ThrowsAny<ArgumentException>(options.Validate);

        Assert.Equal(setting, error.ParamName);
        Assert.Contains($"BeaconClientOptions.{setting}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws() =>
        Assert.ThrowsAny<ArgumentException>(() => new BeaconClient(Valid with { MaxAttempts = 0 }));
}
