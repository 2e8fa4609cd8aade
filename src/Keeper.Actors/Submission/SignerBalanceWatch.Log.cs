using Microsoft.Extensions.Logging;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Submission;

/// <content>Logging for <see cref="SignerBalanceWatch"/>: one line per change of state.</content>
public sealed partial class SignerBalanceWatch
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Signer {Account} holds {Eth} ETH (warning floor {FloorEth} ETH)")]
    private static partial void LogBalance(ILogger logger, Address account, string eth, string floorEth);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signer {Account} holds {Eth} ETH, below the floor of {FloorEth} ETH (keeper.signer.balance-floor-gwei): send ETH to it before it runs out")]
    private static partial void LogBelowFloor(ILogger logger, Address account, string eth, string floorEth);

    [LoggerMessage(Level = LogLevel.Error, Message = "Signer {Account} holds 0 ETH (block {Block}): the node can pay for no transaction and sends nothing until ETH is sent to it")]
    private static partial void LogZero(ILogger logger, Address account, ulong? block);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signer {Account} holds {Eth} ETH again, at or above the floor of {FloorEth} ETH")]
    private static partial void LogBackAboveFloor(ILogger logger, Address account, string eth, string floorEth);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the balance of signer {Account} at block {Block}: {Error}; the last reading stands until a read succeeds")]
    private static partial void LogReadFailed(ILogger logger, Address account, string block, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reading the balance of signer {Account} works again")]
    private static partial void LogReadRecovered(ILogger logger, Address account);
}
