using Keeper.Chain.Eth;
using Keeper.Chain.Fees;
using Keeper.Chain.Signing;

namespace Keeper.Actors.Submission;

/// <summary>What a <see cref="Submitter"/> talks to. Its journal is Akka.Persistence's, configured on the actor system.</summary>
/// <param name="Key">The signing key; the submitter is the only code that uses it, and never logs it.</param>
/// <param name="Eth">The node.</param>
/// <param name="Fees">Prices transactions; its <see cref="FeeOracleOptions.MaxFeePerGasCap"/> is the cap no transaction exceeds.</param>
/// <param name="AllowList">The (contract, function) pairs that may be signed, read afresh for every new action.</param>
public sealed record SubmitterDependencies(PrivateKey Key, EthApi Eth, FeeOracle Fees, ICallAllowList AllowList)
{
    /// <summary>Decides whether a journaled action may go out again after a restart or a reorg; null re-broadcasts it as is.</summary>
    public IResendGuard? ResendGuard { get; init; }

    /// <summary>The journal of stores written before Akka.Persistence, imported once at start; null: none to look at.</summary>
    public ILegacyJournal? LegacyJournal { get; init; }

    /// <summary>Checks that nothing is missing.</summary>
    /// <exception cref="ArgumentException">A dependency is null; the message names it.</exception>
    public SubmitterDependencies Validate()
    {
        if (Key is null || Eth is null || Fees is null || AllowList is null)
        {
            var missing = Key is null ? nameof(Key) : Eth is null ? nameof(Eth) : Fees is null ? nameof(Fees) : nameof(AllowList);
            throw new ArgumentException($"SubmitterDependencies.{missing} is null; the submitter needs a signing key, an EthApi, a FeeOracle and an AllowList.");
        }

        return this;
    }
}
