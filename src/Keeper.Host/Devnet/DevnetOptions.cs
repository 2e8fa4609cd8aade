namespace Keeper.Host.Devnet;

/// <summary>What <c>keeper devnet</c> runs.</summary>
/// <param name="Nodes">Keeper nodes, each a real OS process with its own signing account.</param>
/// <param name="Store">sqlite (one shared file) or postgres (a server the devnet starts).</param>
/// <param name="Megapools">Megapools to seed.</param>
/// <param name="ValidatorsPerMegapool">Validators per megapool.</param>
/// <param name="Minipools">Legacy minipools to seed.</param>
/// <param name="GateEnabled">False for the baseline where every node submits whatever it sees due.</param>
/// <param name="ReportPath">Where to write the JSON report, or null for stdout only.</param>
/// <param name="BlockSeconds">anvil's block interval once the keepers run.</param>
/// <param name="WorkDirectory">
/// Where node configs, keystores, stores and logs go: an empty or new folder. When the run ends (or is interrupted) all but
/// the node logs and a report written there is removed.
/// </param>
/// <param name="ProofDuties">
/// Validators of each proof kind to seed (unreported exits, wrong withdrawal credentials, final withdrawals); 0 seeds none
/// and the run is the one without beacon proofs.
/// </param>
/// <param name="Keep">After the report, leave the chains, the beacon node and the keeper nodes running until cancelled (Ctrl-C).</param>
/// <param name="GoGoPool">
/// GoGoPool minipools to seed on a second anvil the nodes watch through their keeper.gogopool section; 0 starts no second
/// chain and the run is the Rocket Pool one alone.
/// </param>
public sealed record DevnetOptions(
    int Nodes,
    string Store,
    int Megapools,
    int ValidatorsPerMegapool,
    int Minipools,
    bool GateEnabled,
    string? ReportPath,
    int BlockSeconds,
    string WorkDirectory,
    int ProofDuties = 0,
    bool Keep = false,
    int GoGoPool = 0);
