using System.Text.Json;
using Keeper.Chain.Contracts;
using Keeper.Chain.Contracts.Reverts;
using Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Host.Devnet;
using Keeper.Host.Devnet.Beacon;
using Keeper.Integration.Tests.RocketPool.Proofs;
using Nethereum.Contracts;
using Xunit;

namespace Keeper.Integration.Tests.RocketPool;

/// <summary>
/// Golden vectors: proofs of Ethereum mainnet beacon states (Electra) that Rocket Pool's own verifier accepts, checked by
/// the harness verifier built with mainnet's constants. The harness's generalized indices, leaf hashing and genesis
/// witness therefore agree with mainnet's beacon chain, not only with the tests' own Merkle helper.
/// </summary>
public sealed class BeaconStateVerifierMainnetTests : IAsyncLifetime
{
    private static readonly JsonElement Vectors = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "RocketPool", "Proofs", "mainnet-proofs.json"))).RootElement;

    private AnvilNode? _node;
    private DevChainClient? _chain;
    private BeaconRootsContract? _roots;
    private Address _verifier;

    private DevChainClient Chain => _chain!;

    public async Task InitializeAsync()
    {
        _node = await AnvilNode.StartAsync();
        _chain = new DevChainClient(_node);
        _roots = await BeaconRootsContract.InstallAsync(_chain, CancellationToken.None);
        var constructor = CompiledContracts.Get("BeaconStateVerifierHarness").EncodeConstructor(
            Vectors.GetProperty("genesisTime").GetUInt64(), Hash32.Parse(Vectors.GetProperty("genesisValidatorsRoot").GetString()!), 8192UL,
            Vectors.GetProperty("capellaSlot").GetUInt64(), Vectors.GetProperty("electraSlot").GetUInt64(), BeaconRootsContract.Address);
        _verifier = await _chain.DeployAsync("BeaconStateVerifierHarness", constructor);
    }

    public async Task DisposeAsync()
    {
        _chain?.Dispose();
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }

    [Fact]
    public async Task VerifySlot_MainnetProof_True_FlippedWitness_False()
    {
        var vector = Vectors.GetProperty("slot");
        var timestamp = await PublishAsync(vector);
        var proof = new SlotProofStruct { Slot = vector.GetProperty("slot").GetUInt64(), Witnesses = Witnesses(vector) };
        var good = await CallAsync(new VerifySlotFunction { SlotTimestamp = timestamp, Proof = proof });
        proof.Witnesses[0][0] ^= 1;

        Assert.True(good);
        Assert.False(await CallAsync(new VerifySlotFunction { SlotTimestamp = timestamp, Proof = proof }));
    }

    [Fact]
    public async Task VerifyValidator_MainnetProof_True_OtherCredentials_False_ShortBranch_Reverts()
    {
        var vector = Vectors.GetProperty("validator");
        var timestamp = await PublishAsync(vector);
        var slot = vector.GetProperty("slot").GetUInt64();
        var proof = ValidatorProof(vector);
        var good = await CallAsync(new VerifyValidatorFunction { SlotTimestamp = timestamp, Slot = slot, Proof = proof });
        proof.Validator.WithdrawalCredentials[31] ^= 1;
        var otherCredentials = await CallAsync(new VerifyValidatorFunction { SlotTimestamp = timestamp, Slot = slot, Proof = proof });
        proof.Witnesses.RemoveAt(0);

        Assert.True(good);
        Assert.False(otherCredentials);
        Assert.Equal("Invalid witness length", await RevertAsync(new VerifyValidatorFunction { SlotTimestamp = timestamp, Slot = slot, Proof = proof }));
    }

    [Theory]
    [InlineData(0)] // 8,192 slots back at most: through block_roots
    [InlineData(1)] // older: through historical_summaries
    public async Task VerifyWithdrawal_MainnetProof_True_OtherAmount_False(int which)
    {
        var vector = Vectors.GetProperty("withdrawals")[which];
        var timestamp = await PublishAsync(vector);
        var slot = vector.GetProperty("slot").GetUInt64();
        var proof = new WithdrawalProofStruct
        {
            WithdrawalSlot = vector.GetProperty("withdrawalSlot").GetUInt64(),
            WithdrawalNum = vector.GetProperty("withdrawalNum").GetUInt16(),
            Withdrawal = new WithdrawalStruct
            {
                Index = vector.GetProperty("index").GetUInt64(),
                ValidatorIndex = vector.GetProperty("validatorIndex").GetUInt64(),
                WithdrawalCredentials = Hex.Decode(vector.GetProperty("address").GetString()!),
                AmountInGwei = vector.GetProperty("amountInGwei").GetUInt64(),
            },
            Witnesses = Witnesses(vector),
        };
        var good = await CallAsync(new VerifyWithdrawalFunction { SlotTimestamp = timestamp, Slot = slot, Proof = proof });
        proof.Withdrawal.AmountInGwei -= 1;

        Assert.True(good);
        Assert.False(await CallAsync(new VerifyWithdrawalFunction { SlotTimestamp = timestamp, Slot = slot, Proof = proof }));
    }

    [Fact]
    public async Task VerifyValidator_SlotBeforeElectra_RevertsInvalidProof()
    {
        var vector = Vectors.GetProperty("validator");
        var timestamp = await PublishAsync(vector);

        var reason = await RevertAsync(new VerifyValidatorFunction { SlotTimestamp = timestamp, Slot = Vectors.GetProperty("electraSlot").GetUInt64() - 1, Proof = ValidatorProof(vector) });

        Assert.Equal("Invalid proof", reason);
    }

    // EIP-4788 holds a block's root under its child's timestamp: the next slot's.
    private async Task<ulong> PublishAsync(JsonElement vector)
    {
        var timestamp = Vectors.GetProperty("genesisTime").GetUInt64() + ((vector.GetProperty("slot").GetUInt64() + 1) * 12);
        await _roots!.SetRootAsync(timestamp, Hash32.Parse(vector.GetProperty("blockRoot").GetString()!), CancellationToken.None);
        return timestamp;
    }

    private static ValidatorProofStruct ValidatorProof(JsonElement vector) => new()
    {
        ValidatorIndex = vector.GetProperty("validatorIndex").GetUInt64(),
        Validator = new ValidatorStruct
        {
            Pubkey = Hex.Decode(vector.GetProperty("pubkey").GetString()!),
            WithdrawalCredentials = Hex.Decode(vector.GetProperty("withdrawalCredentials").GetString()!),
            EffectiveBalance = vector.GetProperty("effectiveBalance").GetUInt64(),
            Slashed = vector.GetProperty("slashed").GetBoolean(),
            ActivationEligibilityEpoch = vector.GetProperty("activationEligibilityEpoch").GetUInt64(),
            ActivationEpoch = vector.GetProperty("activationEpoch").GetUInt64(),
            ExitEpoch = vector.GetProperty("exitEpoch").GetUInt64(),
            WithdrawableEpoch = vector.GetProperty("withdrawableEpoch").GetUInt64(),
        },
        Witnesses = Witnesses(vector),
    };

    private static List<byte[]> Witnesses(JsonElement vector) => [.. vector.GetProperty("witnesses").EnumerateArray().Select(w => Hex.Decode(w.GetString()!))];

    private async Task<bool> CallAsync<TFunction>(TFunction function)
        where TFunction : FunctionMessage =>
        ContractAbi.DecodeReturn<TFunction, bool>(await Chain.Eth.CallAsync(ContractAbi.Call(_verifier, function), BlockTag.Latest, CancellationToken.None));

    private async Task<string> RevertAsync<TFunction>(TFunction function)
        where TFunction : FunctionMessage
    {
        var error = await Assert.ThrowsAsync<JsonRpcNodeException>(() => CallAsync(function));
        return Assert.IsType<RevertReason.ErrorString>(RevertDecoder.Decode(error.RevertData ?? [])).Message;
    }
}
