using System.Numerics;
using Keeper.Chain.Abi;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>rocketDAOProtocolSettingsMinipool.</summary>
public sealed class MinipoolSettings(EthApi eth, Address address)
{
    /// <summary><c>getLaunchTimeout()</c>, seconds.</summary>
    public static AbiFunction GetLaunchTimeoutFunction { get; } = AbiFunction.Parse("function getLaunchTimeout() view returns (uint256)");

    /// <summary>The contract's address.</summary>
    public Address Address { get; } = address;

    /// <summary>Seconds a minipool may stay in prelaunch before anyone may dissolve it (at or after the timeout).</summary>
    public async Task<ulong> GetLaunchTimeoutAsync(BlockTag block, CancellationToken cancellationToken)
    {
        var result = await eth.CallAsync(new CallRequest(Address, GetLaunchTimeoutFunction.EncodeCall()), block, cancellationToken);
        var value = (BigInteger)GetLaunchTimeoutFunction.DecodeOutput(result)[0]!;
        return value <= ulong.MaxValue ? (ulong)value : throw new RocketPoolBindingException($"getLaunchTimeout() returned {value}, which is not a plausible setting.");
    }
}
