using Keeper.Chain.Beacon.Ssz;
using Xunit;

namespace Keeper.Chain.Tests.Beacon.Ssz;

/// <summary>Roots of seeded random values equal those of @lodestar/types on @chainsafe/ssz.</summary>
public sealed class SszReferenceTests
{
    public static TheoryData<BeaconFork> Forks => [BeaconFork.Electra, BeaconFork.Fulu];

    [Theory]
    [MemberData(nameof(Forks))]
    public void HashTreeRoot_EveryContainer_EqualsTheReference(BeaconFork fork)
    {
        var types = BeaconTypes.For(fork);
        var jobs = new List<SszReference.Job>();
        var mine = new List<(string Type, int Seed, Keeper.Chain.Primitives.Hash32 Root)>();
        foreach (var (name, type) in types.Containers)
        {
            for (var seed = 1; seed <= 3; seed++)
            {
                var bytes = new SszRandom(seed * 7919, maxListLength: seed == 1 ? 0 : 5).Next(type);
                jobs.Add(new SszReference.Job(fork, name, bytes));
                mine.Add((name, seed, type.HashTreeRoot(bytes)));
            }
        }

        var answers = SszReference.Run(jobs);

        Assert.True(types.Containers.Count >= 30, $"expected every container of the fork; got {types.Containers.Count}");
        for (var i = 0; i < jobs.Count; i++)
        {
            Assert.True(answers[i].Root == mine[i].Root, $"{fork} {mine[i].Type} (seed {mine[i].Seed}): reference {answers[i].Root}, Keeper {mine[i].Root}");
        }
    }

    [Theory]
    [InlineData(BeaconFork.Electra, 0)]
    [InlineData(BeaconFork.Electra, 1)]
    [InlineData(BeaconFork.Fulu, 1000)]
    [InlineData(BeaconFork.Electra, 100_000)]
    public void HashTreeRoot_StateWithValidators_EqualsTheReference(BeaconFork fork, int validators)
    {
        var state = RandomStates.State(fork, validators, seed: validators + 1);

        var answer = SszReference.Run(new SszReference.Job(fork, "BeaconState", state));

        Assert.Equal(answer.Root, BeaconTypes.For(fork).BeaconState.HashTreeRoot(state));
    }

    [Theory]
    [MemberData(nameof(Forks))]
    public void HashTreeRoot_BlocksWithZeroToSixteenWithdrawals_EqualTheReference(BeaconFork fork)
    {
        var types = BeaconTypes.For(fork);
        var blocks = Enumerable.Range(0, 17).Select(n => RandomStates.Block(fork, n, seed: 100 + n)).ToArray();

        var answers = SszReference.Run(blocks.Select(b => new SszReference.Job(fork, "SignedBeaconBlock", b)).ToArray());

        for (var n = 0; n < blocks.Length; n++)
        {
            Assert.True(answers[n].Root == types.SignedBeaconBlock.HashTreeRoot(blocks[n]), $"{fork} block with {n} withdrawals");
        }
    }
}
