using System.Globalization;
using System.Numerics;

namespace Keeper.Chain.Primitives;

/// <summary>Amounts of wei written as ether for people: exact decimals, never rounded through a floating-point type.</summary>
public static class Ether
{
    /// <summary>Wei in one ether (10^18).</summary>
    public static readonly BigInteger WeiPerEther = BigInteger.Pow(10, 18);

    /// <summary>
    /// <paramref name="wei"/> in ether with every significant digit and no trailing zeros, invariant culture:
    /// 1 wei is <c>0.000000000000000001</c>, 1.5 ether <c>1.5</c>, zero <c>0</c>, minus one gwei <c>-0.000000001</c>.
    /// </summary>
    public static string Format(BigInteger wei)
    {
        var sign = wei.Sign < 0 ? "-" : string.Empty;
        var whole = BigInteger.DivRem(BigInteger.Abs(wei), WeiPerEther, out var fraction);
        var text = sign + whole.ToString(CultureInfo.InvariantCulture);
        if (fraction.IsZero)
        {
            return text;
        }

        return text + "." + fraction.ToString(CultureInfo.InvariantCulture).PadLeft(18, '0').TrimEnd('0');
    }
}
