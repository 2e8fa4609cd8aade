using System.Numerics;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;
using Xunit;

namespace Keeper.Integration.Tests.RocketPool;

/// <summary>The manager's dissolve takes a proof that a prestaked validator is not what its megapool deposited, at any time.</summary>
public sealed class HarnessProofDissolveTests : ProofHarnessTestBase
{
    private const ulong Slot = ElectraSlot + 10_000;
    private static readonly BigInteger DissolvePenalty = BigInteger.Parse("50000000000000000");

    public static TheoryData<string> NonCompliant => ["0x02 credentials", "another address", "eligible for activation", "activated", "exiting", "withdrawable", "32 ETH", "slashed"];

    [Fact]
    public async Task Dissolve_CompliantValidator_RevertsValidatorIsCompliant()
    {
        var (megapool, id, pubkey) = await PrestakedValidatorAsync();
        var (slotTimestamp, validatorProof, slotProof) = await ProveAsync(Slot, 400, Compliant(megapool, pubkey));

        await AssertRevertsAsync(MegapoolManager.DissolveWithProof(Manager, megapool, id, slotTimestamp, validatorProof, slotProof), Caller, "Validator is compliant");

        Assert.True((await InfoAsync(megapool, id)).InPrestake);
    }

    [Theory]
    [MemberData(nameof(NonCompliant))]
    public async Task Dissolve_NonCompliantValidator_DissolvedBeforeTheDeadlineWithPenalty(string how)
    {
        var (megapool, id, pubkey) = await PrestakedValidatorAsync();
        var validator = Compliant(megapool, pubkey);
        Spoil(validator, how);
        var (slotTimestamp, validatorProof, slotProof) = await ProveAsync(Slot, 400, validator);

        var receipt = await SubmitAsync(MegapoolManager.DissolveWithProof(Manager, megapool, id, slotTimestamp, validatorProof, slotProof), Caller);

        Assert.True(receipt.Succeeded, $"dissolve of a validator with {how} reverted");
        var info = await InfoAsync(megapool, id);
        Assert.True(info.Dissolved);
        Assert.False(info.InPrestake);
        Assert.Equal(DissolvePenalty, await DebtAsync(megapool));
    }

    [Fact]
    public async Task Dissolve_NonCompliantButPubkeyOfAnother_RevertsPubkeyDoesNotMatch()
    {
        var (megapool, id, _) = await PrestakedValidatorAsync();
        var validator = Compliant(megapool, new byte[48]);
        validator.Slashed = true;
        var (slotTimestamp, validatorProof, slotProof) = await ProveAsync(Slot, 400, validator);

        await AssertRevertsAsync(MegapoolManager.DissolveWithProof(Manager, megapool, id, slotTimestamp, validatorProof, slotProof), Caller, "Pubkey does not match");
    }

    [Fact]
    public async Task Dissolve_OneWitnessFlipped_RevertsInvalidValidatorProof()
    {
        var (megapool, id, pubkey) = await PrestakedValidatorAsync();
        var validator = Compliant(megapool, pubkey);
        validator.Slashed = true;
        var (slotTimestamp, validatorProof, slotProof) = await ProveAsync(Slot, 400, validator);
        validatorProof.Witnesses[20][31] ^= 0x01;

        await AssertRevertsAsync(MegapoolManager.DissolveWithProof(Manager, megapool, id, slotTimestamp, validatorProof, slotProof), Caller, "Invalid validator proof");
    }

    private static void Spoil(ValidatorStruct validator, string how)
    {
        switch (how)
        {
            case "0x02 credentials": validator.WithdrawalCredentials[0] = 0x02; break;
            case "another address": validator.WithdrawalCredentials[31] ^= 0x01; break;
            case "eligible for activation": validator.ActivationEligibilityEpoch = 40_000; break;
            case "activated": validator.ActivationEpoch = 40_001; break;
            case "exiting": validator.ExitEpoch = 40_002; break;
            case "withdrawable": validator.WithdrawableEpoch = 40_003; break;
            case "32 ETH": validator.EffectiveBalance = 32_000_000_000; break;
            case "slashed": validator.Slashed = true; break;
            default: throw new ArgumentOutOfRangeException(nameof(how), how, "Unknown way to make a validator non-compliant.");
        }
    }
}
