using Keeper.Chain.Abi;

namespace Keeper.Host.Devnet;

/// <summary>A contract from tests/contracts compiled with the pinned solc.</summary>
/// <param name="Name">The contract's name.</param>
/// <param name="Abi">Its ABI.</param>
/// <param name="Bytecode">Its creation bytecode.</param>
public sealed record CompiledContract(string Name, AbiContract Abi, byte[] Bytecode);
