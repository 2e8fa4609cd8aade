using System.Text;
using Keeper.Chain.Primitives;
using Nethereum.Util;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>The names under which RocketStorage registers the contracts the keeper uses, and their storage keys.</summary>
public static class RocketPoolContractNames
{
    /// <summary>The megapool manager (global validator index).</summary>
    public const string MegapoolManager = "rocketMegapoolManager";

    /// <summary>The megapool factory (expected megapool addresses).</summary>
    public const string MegapoolFactory = "rocketMegapoolFactory";

    /// <summary>The deposit pool (FundsRequested, FundsAssigned).</summary>
    public const string DepositPool = "rocketDepositPool";

    /// <summary>Megapool protocol settings.</summary>
    public const string MegapoolSettings = "rocketDAOProtocolSettingsMegapool";

    /// <summary>The legacy minipool manager.</summary>
    public const string MinipoolManager = "rocketMinipoolManager";

    /// <summary>Legacy minipool protocol settings.</summary>
    public const string MinipoolSettings = "rocketDAOProtocolSettingsMinipool";

    /// <summary>The protocol DAO's proposals (executed proposals change settings).</summary>
    public const string DaoProtocolProposal = "rocketDAOProtocolProposal";

    /// <summary>The proposals of the oDAO and the security council (executed proposals change settings and contracts).</summary>
    public const string DaoProposal = "rocketDAOProposal";

    /// <summary>The beacon state verifier the megapool manager checks beacon proofs with (EIP-4788 roots).</summary>
    public const string BeaconStateVerifier = "beaconStateVerifier";

    /// <summary>Every name the keeper needs registered.</summary>
    public static IReadOnlyList<string> All { get; } = [MegapoolManager, MegapoolFactory, DepositPool, MegapoolSettings, MinipoolManager, MinipoolSettings];

    /// <summary>
    /// Names the keeper resolves when registered: the DAO proposal contracts whose <c>ProposalExecuted</c> makes it read
    /// settings and addresses again at once. Without them it still reads them on its regular refresh.
    /// </summary>
    public static IReadOnlyList<string> Optional { get; } = [DaoProtocolProposal, DaoProposal];

    /// <summary>The RocketStorage key of a contract address: <c>keccak256(abi.encodePacked("contract.address", name))</c>: two packed strings are their bytes, one after the other.</summary>
    public static Hash32 StorageKey(string name) =>
        new(Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes("contract.address" + name)));
}
