namespace Keeper.Host.Devnet;

/// <summary>The options a devnet run ran with, under the names of <c>keeper devnet</c>'s options, so a report can be run again.</summary>
/// <param name="Nodes">--nodes.</param>
/// <param name="Store">--store: sqlite or postgres.</param>
/// <param name="Megapools">--megapools.</param>
/// <param name="Validators">--validators (per megapool).</param>
/// <param name="Minipools">--minipools.</param>
/// <param name="ProofDuties">--proof-duties (validators of each proof kind).</param>
/// <param name="Gate">--gate: on or off.</param>
/// <param name="BlockTime">--block-time, in seconds.</param>
/// <param name="Dir">--dir: the work folder.</param>
/// <param name="Keep">--keep.</param>
/// <param name="Report">--report, or null.</param>
/// <param name="GoGoPool">--gogopool (minipools on the second chain).</param>
public sealed record DevnetReportOptions(
    int Nodes, string Store, int Megapools, int Validators, int Minipools, int ProofDuties, string Gate, int BlockTime, string Dir, bool Keep, string? Report, int GoGoPool = 0)
{
    /// <summary>The report's view of <paramref name="options"/>.</summary>
    public static DevnetReportOptions From(DevnetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(
            options.Nodes, options.Store, options.Megapools, options.ValidatorsPerMegapool, options.Minipools, options.ProofDuties,
            options.GateEnabled ? "on" : "off", options.BlockSeconds, options.WorkDirectory, options.Keep, options.ReportPath, options.GoGoPool);
    }
}
