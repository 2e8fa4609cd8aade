using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;
using Keeper.Chain.Watching;
using Keeper.Host.Devnet;

namespace Keeper.Integration.Tests.RocketPool;

/// <summary>The states a scenario puts pools in, to compare with what the watcher reads.</summary>
internal enum ValidatorState
{
    Queued,
    Prestaked,
    Staked,
    Dissolved,
}

/// <summary>Builds megapools, validators and minipools in mixed states on the harness and remembers what it built.</summary>
internal sealed class PoolScenario(DevChainClient chain, RocketPoolHarness harness)
{
    public Dictionary<ValidatorKey, ValidatorState> Validators { get; } = [];

    public Dictionary<Address, MinipoolStatus> Minipools { get; } = [];

    /// <summary>Megapools with the given validator counts; validator j of each takes state j % 4. Dissolving needs the chain clock moved past the deadline.</summary>
    public async Task BuildAsync(int[] validatorsPerMegapool, int minipools)
    {
        var toDissolve = new List<ValidatorKey>();
        for (var m = 0; m < validatorsPerMegapool.Length; m++)
        {
            var megapool = await harness.CreateMegapoolAsync(NodeAddress(m));
            for (var j = 0; j < validatorsPerMegapool[m]; j++)
            {
                var id = await harness.NewValidatorAsync(megapool);
                var state = (ValidatorState)(j % 4);
                var key = new ValidatorKey(megapool, id);
                Validators[key] = state;
                if (state != ValidatorState.Queued)
                {
                    await harness.AssignAsync(megapool, id);
                }

                if (state == ValidatorState.Staked)
                {
                    await harness.StakeAsync(megapool, id);
                }

                if (state == ValidatorState.Dissolved)
                {
                    toDissolve.Add(key);
                }
            }
        }

        var minipoolsToDissolve = new List<Address>();
        for (var i = 0; i < minipools; i++)
        {
            var minipool = await harness.CreateMinipoolAsync(NodeAddress(100 + i));
            var status = (MinipoolStatus)(i % 4 == 3 ? 4 : i % 4);
            Minipools[minipool] = status;
            if (status != MinipoolStatus.Initialised)
            {
                await harness.PrelaunchMinipoolAsync(minipool);
            }

            if (status == MinipoolStatus.Staking)
            {
                await harness.StakeMinipoolAsync(minipool);
            }

            if (status == MinipoolStatus.Dissolved)
            {
                minipoolsToDissolve.Add(minipool);
            }
        }

        await chain.IncreaseTimeAsync((29 * 24 * 60 * 60) + 1);
        foreach (var key in toDissolve)
        {
            var call = Megapool.DissolveValidator(key.Megapool, key.ValidatorId);
            await chain.SendAsync(chain.Keys[5], call.To, call.Data);
        }

        foreach (var minipool in minipoolsToDissolve)
        {
            var call = Minipool.Dissolve(minipool);
            await chain.SendAsync(chain.Keys[5], call.To, call.Data);
        }
    }

    public static Address NodeAddress(int i)
    {
        var bytes = new byte[20];
        bytes[0] = 0xee;
        BitConverter.GetBytes(i).CopyTo(bytes, 16);
        return new Address(bytes);
    }

    public static ValidatorState StateOf(ValidatorInfo info) => info switch
    {
        { Dissolved: true } => ValidatorState.Dissolved,
        { Staked: true } => ValidatorState.Staked,
        { InPrestake: true } => ValidatorState.Prestaked,
        { InQueue: true } => ValidatorState.Queued,
        _ => throw new InvalidOperationException($"Validator info in no known state: {info}"),
    };
}
