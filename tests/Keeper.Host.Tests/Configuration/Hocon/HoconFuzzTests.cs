using System.Text;
using Keeper.Host.Configuration;
using Keeper.Host.Configuration.Hocon;
using Xunit;

namespace Keeper.Host.Tests.Configuration.Hocon;

/// <summary>Seeded random documents: printed trees read back unchanged, and garbage fails only with HoconException.</summary>
public sealed class HoconFuzzTests
{
    private const string Alphabet = "ab.-_ \t\n\"\\{}[],:=+$?#/ 019eE\u00e9\u2028x";

    [Fact]
    public void PrintThenParse_RandomTrees_RoundTrip()
    {
        var random = new Random(1234);
        for (var i = 0; i < 500; i++)
        {
            var tree = RandomObject(random, depth: 0);
            var printed = HoconPrinter.Print(tree);

            var reparsed = HoconResolver.Resolve(HoconParser.Parse(printed, "printed.conf"), HoconText.NoEnvironment);

            Assert.Equal(HoconText.Json(tree), HoconText.Json(reparsed));
            Assert.Equal(printed, HoconPrinter.Print(reparsed));
        }
    }

    [Fact]
    public void Parse_RandomBytes_ThrowsOnlyHoconException()
    {
        var random = new Random(1234);
        var buffer = new byte[64];
        for (var i = 0; i < 3000; i++)
        {
            random.NextBytes(buffer);
            AssertOnlyHoconException(Encoding.UTF8.GetString(buffer, 0, random.Next(buffer.Length + 1)));
        }
    }

    [Fact]
    public void Parse_RandomHoconCharacters_ThrowsOnlyHoconException()
    {
        var random = new Random(1234);
        var builder = new StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            builder.Clear();
            var length = random.Next(40);
            for (var j = 0; j < length; j++)
            {
                builder.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            AssertOnlyHoconException(builder.ToString());
        }
    }

    private static void AssertOnlyHoconException(string text)
    {
        try
        {
            HoconConfig.Parse(text, "fuzz.conf", environment: HoconText.NoEnvironment);
        }
        catch (HoconException)
        {
        }
        catch (Exception e)
        {
            Assert.Fail($"input {Escape(text)} threw {e.GetType().Name}: {e.Message}");
        }
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder();
        HoconPrinter.AppendQuoted(builder, text);
        return builder.ToString();
    }

    private static HoconObject RandomObject(Random random, int depth)
    {
        var origin = new HoconOrigin("random", 1, 1);
        var obj = new HoconObject(origin);
        var count = random.Next(depth > 2 ? 2 : 5);
        for (var i = 0; i < count; i++)
        {
            obj.Set(RandomString(random), RandomValue(random, depth + 1));
        }

        return obj;
    }

    private static HoconValue RandomValue(Random random, int depth)
    {
        var origin = new HoconOrigin("random", 1, 1);
        return random.Next(depth > 3 ? 5 : 7) switch
        {
            0 => new HoconString(origin, RandomString(random)),
            1 => new HoconNumber(origin, random.Next(2) == 0
                ? random.NextInt64(-1_000_000, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : (random.NextDouble() * 1000).ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
            2 => new HoconBoolean(origin, random.Next(2) == 0),
            3 => new HoconNull(origin),
            4 => new HoconString(origin, ""),
            5 => new HoconArray(origin, [.. Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, depth + 1))]),
            _ => RandomObject(random, depth),
        };
    }

    private static string RandomString(Random random)
    {
        var length = random.Next(8);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }
}
