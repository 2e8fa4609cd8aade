namespace Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;

/// <summary>
/// The fields both <c>ValidatorInfo</c> layouts begin with. Each layout's struct declares them itself: Nethereum orders a
/// tuple's components and values differently when a struct DTO inherits some of them.
/// </summary>
public interface IValidatorInfoFields
{
    /// <summary>Block timestamp of the last ETH assignment.</summary>
    uint LastAssignmentTime { get; }

    /// <summary>Requested value, in milliether.</summary>
    uint LastRequestedValue { get; }

    /// <summary>Requested bond, in milliether.</summary>
    uint LastRequestedBond { get; }

    /// <summary>Deposited value, in milliether.</summary>
    uint DepositValue { get; }

    /// <summary>The validator staked.</summary>
    bool Staked { get; }

    /// <summary>The final balance was reported.</summary>
    bool Exited { get; }

    /// <summary>Waiting in the deposit queue.</summary>
    bool InQueue { get; }

    /// <summary>Assigned ETH and not yet staked.</summary>
    bool InPrestake { get; }

    /// <summary>An express-queue ticket was used.</summary>
    bool ExpressUsed { get; }

    /// <summary>The validator was dissolved.</summary>
    bool Dissolved { get; }

    /// <summary>An exit was reported.</summary>
    bool Exiting { get; }

    /// <summary>An exit challenge locked it.</summary>
    bool Locked { get; }
}
