using Keeper.Chain.Abi;
using Xunit;

namespace Keeper.Chain.Tests.Abi;

public sealed class AbiRoundTripTests
{
    [Fact]
    public void EncodeThenDecode_RandomTypesAndValues_ReturnsTheSameValues()
    {
        var random = new Random(1234);
        var generator = new RandomAbi(random);
        for (var iteration = 0; iteration < 600; iteration++)
        {
            var types = Enumerable.Range(0, random.Next(0, 5)).Select(_ => generator.NextType()).ToArray();
            var values = types.Select(generator.NextValue).ToArray();

            var encoded = AbiEncoder.Encode(types, values);
            var decoded = AbiDecoder.Decode(types, encoded);

            AbiValueAssert.SequenceEqual(values, decoded);
            Assert.Equal(encoded, AbiEncoder.Encode(types, decoded));
            Assert.Equal(0, encoded.Length % 32);
        }
    }

    [Fact]
    public void Parse_CanonicalNameOfRandomType_GivesAnEqualType()
    {
        var generator = new RandomAbi(new Random(1234));
        for (var iteration = 0; iteration < 500; iteration++)
        {
            var type = generator.NextType(4);

            var parsed = AbiType.Parse(type.CanonicalName);

            Assert.Equal(type, parsed);
            Assert.Equal(type.IsDynamic, parsed.IsDynamic);
            Assert.Equal(type.HeadSize, parsed.HeadSize);
        }
    }

    [Theory]
    [InlineData("uint8")]
    [InlineData("int8")]
    [InlineData("uint256")]
    [InlineData("int256")]
    [InlineData("int72")]
    [InlineData("address")]
    [InlineData("bool")]
    [InlineData("bytes1")]
    [InlineData("bytes32")]
    [InlineData("bytes")]
    [InlineData("string")]
    [InlineData("uint16[3]")]
    [InlineData("string[]")]
    [InlineData("bytes[2]")]
    [InlineData("(bool,string,(uint8,bytes)[2])")]
    [InlineData("(uint256,(address,bytes)[])[2][]")]
    [InlineData("((string[],int24)[],bytes7)[][1]")]
    public void EncodeThenDecode_EachTypeKind_RoundTrips(string typeText)
    {
        var type = AbiType.Parse(typeText);
        var generator = new RandomAbi(new Random(1234));
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var value = generator.NextValue(type);

            var encoded = AbiEncoder.Encode(type, value);

            AbiValueAssert.Equal(value, AbiDecoder.Decode(type, encoded));
        }
    }

    [Fact]
    public void Decode_CorruptedEncodings_FailOnlyWithAbiDecodingException()
    {
        // Hostile-data fuzz: flipped bytes, cut and extended data must either decode or raise AbiDecodingException,
        // never an index, overflow or memory error.
        var random = new Random(1234);
        var generator = new RandomAbi(random);
        var rejected = 0;
        for (var iteration = 0; iteration < 1500; iteration++)
        {
            var types = Enumerable.Range(0, random.Next(1, 4)).Select(_ => generator.NextType()).ToArray();
            var encoded = AbiEncoder.Encode(types, types.Select(generator.NextValue).ToArray());
            var corrupted = Corrupt(random, encoded);

            try
            {
                AbiDecoder.Decode(types, corrupted);
            }
            catch (AbiDecodingException ex)
            {
                Assert.InRange(ex.Position, -1, corrupted.Length);
                rejected++;
            }
        }

        Assert.InRange(rejected, 500, 1500);
    }

    private static byte[] Corrupt(Random random, byte[] encoded)
    {
        var data = (byte[])encoded.Clone();
        switch (random.Next(4))
        {
            case 0 when data.Length > 0:
                return data[..random.Next(data.Length)];
            case 1 when data.Length > 0:
                // Overwrite one byte of a word with a large value: offsets and lengths become huge or point elsewhere.
                data[random.Next(data.Length)] = (byte)random.Next(1, 256);
                return data;
            case 2 when data.Length >= 32:
                var word = random.Next(data.Length / 32) * 32;
                data.AsSpan(word, 32).Fill(0xff);
                return data;
            default:
                var flips = random.Next(1, 5);
                for (var i = 0; i < flips && data.Length > 0; i++)
                {
                    data[random.Next(data.Length)] ^= (byte)(1 << random.Next(8));
                }

                return data;
        }
    }
}
