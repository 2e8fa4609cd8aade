using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MinipoolDefinition;

/// <summary><c>getNodeAddress() returns (address)</c>: the minipool's node operator.</summary>
[Function("getNodeAddress", "address")]
public sealed class GetNodeAddressFunction : FunctionMessage;
