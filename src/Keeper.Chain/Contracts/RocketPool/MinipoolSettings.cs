using System.Numerics;
using Keeper.Chain.Contracts.RocketPool.MinipoolSettingsDefinition;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>rocketDAOProtocolSettingsMinipool.</summary>
public sealed class MinipoolSettings(EthApi eth, Address address)
{
    /// <summary>The contract's address.</summary>
    public Address Address { get; } = address;

    /// <summary>Seconds a minipool may stay in prelaunch before anyone may dissolve it (at or after the timeout).</summary>
    public async Task<ulong> GetLaunchTimeoutAsync(BlockTag block, CancellationToken cancellationToken)
    {
        var result = await eth.CallAsync(ContractAbi.Call<GetLaunchTimeoutFunction>(Address), block, cancellationToken);
        return MegapoolSettings.ToUInt64(ContractAbi.DecodeReturn<GetLaunchTimeoutFunction, BigInteger>(result), "getLaunchTimeout");
    }
}
