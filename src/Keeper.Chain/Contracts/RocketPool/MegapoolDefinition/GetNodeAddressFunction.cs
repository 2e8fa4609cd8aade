using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;

/// <summary><c>getNodeAddress() returns (address)</c>: the node operator that owns the megapool.</summary>
[Function("getNodeAddress", "address")]
public sealed class GetNodeAddressFunction : FunctionMessage;
