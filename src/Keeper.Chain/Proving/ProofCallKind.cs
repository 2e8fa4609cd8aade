namespace Keeper.Chain.Proving;

/// <summary>The megapool manager calls that carry beacon proofs.</summary>
public enum ProofCallKind
{
    /// <summary><c>notifyExit</c>: the validator's withdrawable epoch is set (validator and slot proofs).</summary>
    NotifyExit,

    /// <summary><c>dissolve</c>: a prestaked validator's beacon record breaks the rules (validator and slot proofs).</summary>
    Dissolve,

    /// <summary><c>notifyFinalBalance</c>: the validator's final withdrawal (withdrawal, validator and slot proofs).</summary>
    FinalBalance,
}
