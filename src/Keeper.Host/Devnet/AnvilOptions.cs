namespace Keeper.Host.Devnet;

/// <summary>How to start an anvil node for a test.</summary>
public sealed record AnvilOptions
{
    /// <summary>The chain id; anvil's default is 31337.</summary>
    public ulong ChainId { get; init; } = 31337;

    /// <summary>Seconds between blocks; null mines a block per transaction (automine).</summary>
    public int? BlockTimeSeconds { get; init; }

    /// <summary>How many funded dev accounts to create.</summary>
    public int Accounts { get; init; } = 10;

    /// <summary>Genesis timestamp (seconds since the Unix epoch), or null for anvil's default (now).</summary>
    public ulong? GenesisTimestamp { get; init; }

    /// <summary>The port to listen on, or null for a free one. A fixed port is for a node told the address before anvil starts.</summary>
    public int? Port { get; init; }

    /// <summary>Extra command-line arguments, passed as they are.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>How long to wait for anvil to start listening.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
