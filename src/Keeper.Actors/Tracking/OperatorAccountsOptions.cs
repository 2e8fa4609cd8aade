using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tracking;

/// <summary>How <see cref="OperatorAccounts"/> reads.</summary>
/// <param name="DepositPool">rocketDepositPool at start; a re-resolved deployment replaces it.</param>
/// <param name="Own">The own megapools with their node operators (shown first, and read even before they hold a validator).</param>
/// <param name="RefreshEveryBlocks">Every tracked megapool is read again at least this often, in blocks (credit and debt also change without an event the keeper decodes: a claim, a repaid debt, credit used or withdrawn).</param>
public sealed record OperatorAccountsOptions(Address DepositPool, IReadOnlyDictionary<Address, Address> Own, ulong RefreshEveryBlocks);
