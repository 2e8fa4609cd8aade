namespace Keeper.Host.Devnet;

/// <summary>
/// What to seed on the harness: megapools with validators and legacy minipools in mixed states. Validator j of a
/// megapool is queued when j % 4 == 0, staked when j % 4 == 2, and assigned (prestaked, its dissolve clock running)
/// otherwise; minipool i is initialised when i % 4 == 0, staking when i % 4 == 2, and in prelaunch otherwise.
/// </summary>
/// <param name="Megapools">How many megapools (one per made-up node operator).</param>
/// <param name="ValidatorsPerMegapool">Validators in each.</param>
/// <param name="Minipools">How many legacy minipools.</param>
public sealed record SeedPlan(int Megapools, int ValidatorsPerMegapool, int Minipools);
