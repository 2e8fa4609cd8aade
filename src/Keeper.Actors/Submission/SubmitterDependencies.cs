using Keeper.Actors.Persistence;
using Keeper.Chain.Crypto;
using Keeper.Chain.Eth;
using Keeper.Chain.Fees;

namespace Keeper.Actors.Submission;

/// <summary>What a <see cref="Submitter"/> talks to.</summary>
/// <param name="Key">The signing key; the submitter is the only code that uses it, and never logs it.</param>
/// <param name="Eth">The node.</param>
/// <param name="Fees">Prices transactions; its <see cref="FeeOracleOptions.MaxFeePerGasCap"/> is the cap no transaction exceeds.</param>
/// <param name="Journal">Where each transaction's life is journaled before it is sent.</param>
public sealed record SubmitterDependencies(PrivateKey Key, EthApi Eth, FeeOracle Fees, IJournal Journal)
{
    /// <summary>Checks that nothing is missing.</summary>
    /// <exception cref="ArgumentException">A dependency is null; the message names it.</exception>
    public SubmitterDependencies Validate()
    {
        if (Key is null || Eth is null || Fees is null || Journal is null)
        {
            var missing = Key is null ? nameof(Key) : Eth is null ? nameof(Eth) : Fees is null ? nameof(Fees) : nameof(Journal);
            throw new ArgumentException($"SubmitterDependencies.{missing} is null; the submitter needs a signing key, an EthApi, a FeeOracle and a journal.");
        }

        return this;
    }
}
