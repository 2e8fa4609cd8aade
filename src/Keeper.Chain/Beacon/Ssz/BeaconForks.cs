namespace Keeper.Chain.Beacon.Ssz;

/// <summary>Reads the fork a Beacon API answer names in its <c>Eth-Consensus-Version</c> header.</summary>
public static class BeaconForks
{
    /// <summary>The header that names the fork of an SSZ state or block.</summary>
    public const string VersionHeader = "Eth-Consensus-Version";

    /// <summary>Parses the header value: <c>electra</c> or <c>fulu</c> (any case).</summary>
    /// <exception cref="FormatException">Another or no fork: Keeper proves Electra and later only.</exception>
    public static BeaconFork Parse(string? version) =>
        version?.Trim().ToUpperInvariant() switch
        {
            "ELECTRA" => BeaconFork.Electra,
            "FULU" => BeaconFork.Fulu,
            null or "" => throw new FormatException(
                $"The beacon node's answer has no {VersionHeader} header; Keeper needs it to read SSZ states and blocks (forks electra and fulu)."),
            _ => throw new FormatException(
                $"The beacon node served fork '{version}' ({VersionHeader}); Keeper proves Electra and later forks only (electra, fulu). " +
                "Ask for a state or block of an Electra-or-later slot, or upgrade Keeper if the chain has moved to a newer fork."),
        };

    /// <summary>The header value for a fork, lowercase as the Beacon API writes it.</summary>
    public static string ToVersion(this BeaconFork fork) => fork switch
    {
        BeaconFork.Electra => "electra",
        BeaconFork.Fulu => "fulu",
        _ => throw new ArgumentOutOfRangeException(nameof(fork), fork, "Unknown fork."),
    };
}
