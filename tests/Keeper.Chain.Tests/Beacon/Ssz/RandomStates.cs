using Keeper.Chain.Beacon.Ssz;

namespace Keeper.Chain.Tests.Beacon.Ssz;

/// <summary>Seeded random beacon states and blocks of a chosen size.</summary>
internal static class RandomStates
{
    public static byte[] State(BeaconFork fork, int validators, int seed, int maxListLength = 4) =>
        new SszRandom(seed, maxListLength, PerValidator(validators)).Next(BeaconTypes.For(fork).BeaconState);

    public static byte[] Block(BeaconFork fork, int withdrawals, int seed) =>
        new SszRandom(seed, maxListLength: 2, new Dictionary<string, int> { ["withdrawals"] = withdrawals }).Next(BeaconTypes.For(fork).SignedBeaconBlock);

    private static Dictionary<string, int> PerValidator(int validators) => new()
    {
        ["validators"] = validators,
        ["balances"] = validators,
        ["previous_epoch_participation"] = validators,
        ["current_epoch_participation"] = validators,
        ["inactivity_scores"] = validators,
    };
}
