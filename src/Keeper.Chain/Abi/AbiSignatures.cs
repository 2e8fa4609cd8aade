using Nethereum.Util;

namespace Keeper.Chain.Abi;

/// <summary>Helpers shared by functions, events and errors: names, signatures, selectors and argument labels.</summary>
internal static class AbiSignatures
{
    public static string CheckName(string name, string what)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] is '_' or '$') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$'))
        {
            throw new AbiException($"'{name}' is not a valid {what} name: it must be an identifier (letters, digits, '_' and '$', not starting with a digit).");
        }

        return name;
    }

    public static AbiParameter[] CheckParameters(IReadOnlyList<AbiParameter> parameters, string owner, bool allowIndexed)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var copy = parameters.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] is null)
            {
                throw new ArgumentException($"Parameter {i} of {owner} is null.", nameof(parameters));
            }

            if (copy[i].Indexed && !allowIndexed)
            {
                throw new AbiException($"Parameter {i} ('{copy[i].Name}') of {owner} is marked indexed, which only event parameters can be.");
            }
        }

        return copy;
    }

    public static string Signature(string name, IReadOnlyList<AbiParameter> parameters) =>
        name + "(" + string.Join(",", parameters.Select(p => p.Type.CanonicalName)) + ")";

    public static byte[] Selector(string signature) => Sha3Keccack.Current.CalculateHashAsBytes(signature)[..4];

    /// <summary>"argument 2 'amount'" or "argument 2" when unnamed.</summary>
    public static Func<int, string> Labels(IReadOnlyList<AbiParameter> parameters, string word) =>
        i => parameters[i].Name.Length == 0 ? $"{word} {i}" : $"{word} {i} '{parameters[i].Name}'";

    public static AbiType[] Types(IEnumerable<AbiParameter> parameters) => parameters.Select(p => p.Type).ToArray();

    public static string HumanReadable(IReadOnlyList<AbiParameter> parameters) =>
        "(" + string.Join(", ", parameters.Select(p => p.ToString())) + ")";
}
