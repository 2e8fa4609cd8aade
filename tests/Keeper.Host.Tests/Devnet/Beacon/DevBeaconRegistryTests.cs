using Keeper.Chain.Beacon.Ssz;
using Keeper.Chain.Primitives;
using Keeper.Host.Devnet.Beacon;
using Xunit;
using static Keeper.Host.Tests.Devnet.Beacon.DevBeaconTestKit;

namespace Keeper.Host.Tests.Devnet.Beacon;

public sealed class DevBeaconRegistryTests
{
    private const ulong Far = ulong.MaxValue;
    private static readonly BeaconTypes Types = BeaconTypes.For(BeaconFork.Electra);

    [Fact]
    public void Sync_StagesOfTheHarness_PrestakedPendingStakedActiveQueuedAbsent()
    {
        var chain = new DevBeaconChain(Genesis);
        chain.Produce(Execution(64));

        var changed = chain.Sync([Entry(0, inQueue: true), Entry(1, prestake: true), Entry(2, staked: true)]);

        Assert.Equal(2, changed);
        Assert.Null(chain.Validator(Pubkey(0)));
        var prestaked = chain.Validator(Pubkey(1))!;
        Assert.Equal((0UL, 1_000_000_000UL, 1_000_000_000UL, Far, "pending_initialized"), (prestaked.Index, prestaked.Balance, prestaked.EffectiveBalance, prestaked.ActivationEpoch, prestaked.StatusAt(2)));
        var staked = chain.Validator(Pubkey(2))!;
        Assert.Equal((1UL, 32_000_000_000UL, 2UL, "active_ongoing"), (staked.Index, staked.Balance, staked.ActivationEpoch, staked.StatusAt(2)));
    }

    [Fact]
    public void Sync_PrestakedThenStaked_ActivatesAtTheHeadEpochWithThirtyTwoEther()
    {
        var chain = new DevBeaconChain(Genesis);
        chain.Sync([Entry(1, prestake: true)]);
        chain.Produce(Execution(100));

        Assert.Equal(1, chain.Sync([Entry(1, staked: true)]));
        Assert.Equal(0, chain.Sync([Entry(1, staked: true)]));

        var validator = chain.Validator(Pubkey(1))!;
        Assert.Equal((32_000_000_000UL, 3UL, 3UL), (validator.EffectiveBalance, validator.ActivationEligibilityEpoch, validator.ActivationEpoch));
    }

    [Theory]
    [InlineData(0x01)]
    [InlineData(0x02)]
    public void Sync_NewValidator_CredentialsArePrefixElevenZerosAndTheMegapool(byte prefix)
    {
        var chain = new DevBeaconChain(Genesis, new DevBeaconChainOptions { CredentialsPrefix = prefix });
        chain.Sync([Entry(1, prestake: true)]);
        chain.Produce(Execution(1));

        var validators = Field(chain.StateAt(1), "validators");

        var expected = new byte[32];
        expected[0] = prefix;
        Megapool.Bytes.CopyTo(expected.AsSpan(12));
        Assert.Equal(expected, validators[48..80]);
        Assert.Equal(Megapool, chain.Validator(Pubkey(1))!.WithdrawalAddress);
    }

    [Fact]
    public void SetWithdrawalCredentials_Wrong_InTheNextBlockOnlyNotBefore()
    {
        var chain = new DevBeaconChain(Genesis);
        chain.Sync([Entry(1, prestake: true)]);
        chain.Produce(Execution(1));
        var wrong = DevBeaconChain.Credentials(0x01, Address.Parse("0x000000000000000000000000000000000000bad0"));

        chain.SetWithdrawalCredentials(Pubkey(1), wrong);
        chain.Produce(Execution(2));

        Assert.Equal(DevBeaconChain.Credentials(0x01, Megapool), chain.ValidatorsAt(1)[0].WithdrawalCredentials);
        Assert.Equal(wrong, chain.ValidatorsAt(2)[0].WithdrawalCredentials);
        Assert.Equal(wrong.ToArray(), Field(chain.StateAt(2), "validators")[48..80]);
    }

    [Fact]
    public void Exit_DefaultDelay_SetsBothEpochsAndTheStatusFollowsThem()
    {
        var chain = new DevBeaconChain(Genesis);
        chain.Sync([Entry(1, staked: true)]);

        var exited = chain.Exit(Pubkey(1), exitEpoch: 10);
        chain.Produce(Execution(1));

        Assert.Equal((10UL, 266UL), (exited.ExitEpoch, exited.WithdrawableEpoch));
        var validator = chain.ValidatorsAt(1)[0];
        Assert.Equal("active_exiting", validator.StatusAt(9));
        Assert.Equal("exited_unslashed", validator.StatusAt(10));
        Assert.Equal("withdrawal_possible", validator.StatusAt(266));
        Assert.Equal(266UL, BitConverter.ToUInt64(Field(chain.StateAt(1), "validators").AsSpan(113, 8)));
    }

    [Fact]
    public void Exit_WithdrawableBeforeExit_IsRefused()
    {
        var chain = new DevBeaconChain(Genesis);
        chain.Sync([Entry(1, staked: true)]);

        var error = Assert.Throws<ArgumentException>(() => chain.Exit(Pubkey(1), exitEpoch: 10, withdrawableEpoch: 9));

        Assert.Contains("before the exit epoch 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exit_UnknownValidator_IsRefusedSayingWhenValidatorsAppear()
    {
        var error = Assert.Throws<ArgumentException>(() => new DevBeaconChain(Genesis).Exit(Pubkey(7), 1));

        Assert.Contains("not in the devnet beacon state", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithdrawFinalAsync_NextBlock_CarriesItInThePayloadAndEmptiesTheBalance()
    {
        var chain = new DevBeaconChain(Genesis);
        chain.Sync([Entry(1, staked: true), Entry(2, staked: true)]);
        chain.Exit(Pubkey(2), 0, 0);
        var pending = chain.WithdrawFinalAsync(Pubkey(2));
        Assert.False(pending.IsCompleted);

        var block = chain.Produce(Execution(3))!;
        var inclusion = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(new DevWithdrawalInclusion(3, 0, new DevWithdrawal(0, 1, Megapool, 32_000_000_000)), inclusion);
        Assert.Equal(inclusion.Withdrawal, Assert.Single(block.Withdrawals));
        Assert.Equal((0UL, "withdrawal_done"), (chain.ValidatorsAt(3)[1].Balance, chain.ValidatorsAt(3)[1].StatusAt(0)));
        var payload = Slice(block.Body, Types.BeaconBlockBody, "execution_payload");
        var withdrawals = Slice(payload, Types.ExecutionPayload, "withdrawals");
        Assert.Equal(44, withdrawals.Length);
        Assert.Equal(32_000_000_000UL, BitConverter.ToUInt64(withdrawals.AsSpan(36, 8)));
        Assert.Equal(1UL, BitConverter.ToUInt64(Field(chain.StateAt(3), "next_withdrawal_index")));
    }

    [Fact]
    public async Task WithdrawAsync_SeventeenQueued_SixteenInOneBlockAndTheLastInTheNext()
    {
        var chain = new DevBeaconChain(Genesis);
        chain.Sync([Entry(1, staked: true)]);
        var pending = Enumerable.Range(0, 17).Select(_ => chain.WithdrawAsync(Pubkey(1), 1_000)).ToArray();

        chain.Produce(Execution(1));
        chain.Produce(Execution(2));
        var inclusions = await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Enumerable.Range(0, 16).Select(i => (1UL, i)).Append((2UL, 0)), inclusions.Select(i => (i.Slot, i.Position)));
        Assert.Equal(Enumerable.Range(0, 17).Select(i => (ulong)i), inclusions.Select(i => i.Withdrawal.Index));
        Assert.Equal(32_000_000_000UL - 17_000, chain.Validator(Pubkey(1))!.Balance);
    }

    [Fact]
    public void Slash_MarksTheValidatorSlashedInTheState()
    {
        var chain = new DevBeaconChain(Genesis);
        chain.Sync([Entry(1, prestake: true)]);

        chain.Slash(Pubkey(1));
        chain.Produce(Execution(1));

        Assert.True(chain.ValidatorsAt(1)[0].Slashed);
        Assert.Equal(1, Field(chain.StateAt(1), "validators")[88]);
    }

    private static byte[] Field(byte[] state, string name) => Slice(state, Types.BeaconState, name);

    private static byte[] Slice(byte[] container, SszContainerType type, string name)
    {
        var slice = type.FieldSlice(container, name);
        return container.AsSpan(slice.Offset, slice.Length).ToArray();
    }
}
