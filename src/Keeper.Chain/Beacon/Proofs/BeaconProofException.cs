namespace Keeper.Chain.Beacon.Proofs;

/// <summary>A proof cannot be built from the inputs given (the message says which input and what to fetch instead), or a built proof failed its own check.</summary>
public sealed class BeaconProofException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BeaconProofException(string message)
        : base(message)
    {
    }
}
