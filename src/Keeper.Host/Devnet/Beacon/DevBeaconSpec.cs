using System.Globalization;

namespace Keeper.Host.Devnet.Beacon;

/// <summary>
/// The devnet beacon chain's configuration: the mainnet preset (12-second slots, 32-slot epochs, 8192-slot historical
/// vectors), every fork up to Electra active at genesis, Fulu not scheduled, and fork versions of its own so that no
/// signature or root of it can pass for mainnet's.
/// </summary>
public static class DevBeaconSpec
{
    /// <summary>Seconds per slot.</summary>
    public const ulong SecondsPerSlot = 12;

    /// <summary>Slots per epoch.</summary>
    public const ulong SlotsPerEpoch = 32;

    /// <summary>The spec's <c>MIN_VALIDATOR_WITHDRAWABILITY_DELAY</c>: epochs from exit to withdrawable.</summary>
    public const ulong MinValidatorWithdrawabilityDelay = 256;

    /// <summary>The genesis fork version, big-endian.</summary>
    public const uint GenesisForkVersion = 0x10_00_00_4b;

    /// <summary>The Electra fork version, big-endian: the version of every devnet state.</summary>
    public const uint ElectraForkVersion = 0x15_00_00_4b;

    /// <summary>One ETH in gwei.</summary>
    public const ulong Gwei = 1_000_000_000;

    /// <summary>The far-future epoch: "never".</summary>
    public const ulong FarFutureEpoch = ulong.MaxValue;

    /// <summary>The answer of <c>/eth/v1/config/spec</c>: every value a decimal or 0x string, as nodes send them.</summary>
    public static IReadOnlyDictionary<string, string> Values { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CONFIG_NAME"] = "keeper-devnet",
        ["PRESET_BASE"] = "mainnet",
        ["SECONDS_PER_SLOT"] = Decimal(SecondsPerSlot),
        ["SLOT_DURATION_MS"] = Decimal(SecondsPerSlot * 1000),
        ["SLOTS_PER_EPOCH"] = Decimal(SlotsPerEpoch),
        ["SLOTS_PER_HISTORICAL_ROOT"] = Decimal(DevBeaconHistory.SlotsPerHistoricalRoot),
        ["MIN_VALIDATOR_WITHDRAWABILITY_DELAY"] = Decimal(MinValidatorWithdrawabilityDelay),
        ["GENESIS_FORK_VERSION"] = Version(GenesisForkVersion),
        ["ALTAIR_FORK_VERSION"] = Version(0x11_00_00_4b),
        ["ALTAIR_FORK_EPOCH"] = "0",
        ["BELLATRIX_FORK_VERSION"] = Version(0x12_00_00_4b),
        ["BELLATRIX_FORK_EPOCH"] = "0",
        ["CAPELLA_FORK_VERSION"] = Version(0x13_00_00_4b),
        ["CAPELLA_FORK_EPOCH"] = "0",
        ["DENEB_FORK_VERSION"] = Version(0x14_00_00_4b),
        ["DENEB_FORK_EPOCH"] = "0",
        ["ELECTRA_FORK_VERSION"] = Version(ElectraForkVersion),
        ["ELECTRA_FORK_EPOCH"] = "0",
        ["FULU_FORK_VERSION"] = Version(0x16_00_00_4b),
        ["FULU_FORK_EPOCH"] = Decimal(FarFutureEpoch),
    };

    /// <summary>A fork version as the 4 bytes the state holds.</summary>
    public static byte[] VersionBytes(uint version) => [(byte)(version >> 24), (byte)(version >> 16), (byte)(version >> 8), (byte)version];

    private static string Decimal(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Version(uint version) => "0x" + version.ToString("x8", CultureInfo.InvariantCulture);
}
