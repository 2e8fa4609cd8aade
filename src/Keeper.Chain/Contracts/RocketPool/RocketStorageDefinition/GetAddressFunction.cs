using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.RocketStorageDefinition;

/// <summary><c>getAddress(bytes32) returns (address)</c>: the address registered under a storage key.</summary>
[Function("getAddress", "address")]
public sealed class GetAddressFunction : FunctionMessage
{
    /// <summary>The storage key, e.g. <see cref="RocketPoolContractNames.StorageKey"/>.</summary>
    [Parameter("bytes32", "key", 1)]
    public byte[] Key { get; set; } = new byte[32];
}
