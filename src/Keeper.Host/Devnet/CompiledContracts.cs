using System.Text.Json;
using Keeper.Chain.Primitives;
using Nethereum.ABI.ABIDeserialisation;

namespace Keeper.Host.Devnet;

/// <summary>
/// The contracts in tests/contracts, compiled by the build (tools/devchain/DevChain.targets) into contracts.json beside
/// the test assembly.
/// </summary>
public static class CompiledContracts
{
    private static readonly Lazy<IReadOnlyDictionary<string, CompiledContract>> All = new(Load);

    /// <summary>The solc version that compiled them.</summary>
    public static string Compiler { get; private set; } = "";

    /// <summary>Returns a compiled contract by name.</summary>
    public static CompiledContract Get(string name) =>
        All.Value.TryGetValue(name, out var contract)
            ? contract
            : throw new KeyNotFoundException($"No compiled contract named {name}; known: {string.Join(", ", All.Value.Keys)}.");

    private static Dictionary<string, CompiledContract> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "contracts.json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing: the build compiles tests/contracts into it. Rebuild the test project.", path);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var contracts = new Dictionary<string, CompiledContract>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Name == "_compiler")
            {
                Compiler = property.Value.GetString() ?? "";
                continue;
            }

            contracts[property.Name] = new CompiledContract(
                property.Name,
                new ABIJsonDeserialiser().DeserialiseContract(property.Value.GetProperty("abi").GetRawText()),
                Hex.Decode(property.Value.GetProperty("bytecode").GetString()!),
                Hex.Decode(property.Value.GetProperty("deployedBytecode").GetString()!));
        }

        return contracts;
    }
}
