using System.Numerics;
using System.Text;
using Keeper.Chain.Abi;
using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;
using Nethereum.Util;
using Xunit;

namespace Keeper.Chain.Tests.Abi;

public sealed class AbiEventTests
{
    private static readonly Address Setter = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");

    private static readonly AbiEvent ValueSet =
        AbiEvent.Parse("event ValueSet(address indexed setter, uint256 indexed value, string note, bytes payload)");

    // EIP-20 event signatures; their keccak256 topics are the widely published ERC-20 log topics.
    [Theory]
    [InlineData("event Transfer(address indexed from, address indexed to, uint256 value)", "Transfer(address,address,uint256)", "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")]
    [InlineData("event Approval(address indexed owner, address indexed spender, uint256 value)", "Approval(address,address,uint256)", "0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925")]
    public void Topic0_Erc20Event_MatchesPublishedValue(string text, string signature, string topic0)
    {
        var abiEvent = AbiEvent.Parse(text);

        Assert.Equal(signature, abiEvent.Signature);
        Assert.Equal(Hash32.Parse(topic0), abiEvent.Topic0);
    }

    [Fact]
    public void Parse_ValueSet_ReadsIndexedFlagsAndNames()
    {
        Assert.Equal("ValueSet", ValueSet.Name);
        Assert.Equal("ValueSet(address,uint256,string,bytes)", ValueSet.Signature);
        Assert.False(ValueSet.Anonymous);
        Assert.Equal([true, true, false, false], ValueSet.Parameters.Select(p => p.Indexed));
        Assert.Equal(["setter", "value", "note", "payload"], ValueSet.Parameters.Select(p => p.Name));
        Assert.Equal(new Hash32(Sha3Keccack.Current.CalculateHashAsBytes("ValueSet(address,uint256,string,bytes)")), ValueSet.Topic0);
    }

    [Fact]
    public void Decode_IndexedStaticAndDataDynamic_ReturnsAllValuesInOrder()
    {
        var log = Log(
            [ValueSet.Topic0, ValueSet.EncodeTopic(0, Setter), ValueSet.EncodeTopic(1, 42)],
            AbiEncoder.Encode([AbiType.String, AbiType.Bytes], ["hello", new byte[] { 1, 2, 3 }]));

        var decoded = ValueSet.Decode(log);

        Assert.Same(ValueSet, decoded.Event);
        Assert.Equal(Setter, decoded.Get<Address>("setter"));
        Assert.Equal(new BigInteger(42), decoded.Get<BigInteger>("value"));
        Assert.Equal(42UL, decoded.Get<ulong>("value"));
        Assert.Equal("hello", decoded.Get<string>("note"));
        Assert.Equal(new byte[] { 1, 2, 3 }, decoded.Get<byte[]>("payload"));
        Assert.Equal(4, decoded.Values.Length);
    }

    [Fact]
    public void Decode_IndexedDynamicValues_ReturnTheirHashTopics()
    {
        var abiEvent = AbiEvent.Parse("event Noted(string indexed note, uint256[] indexed ids, (uint8,string) indexed pair, bytes blob, uint256 plain)");
        var noteTopic = abiEvent.EncodeTopic(0, "hello");
        var idsTopic = abiEvent.EncodeTopic(1, new BigInteger[] { 1, 2 });
        var pairTopic = abiEvent.EncodeTopic(2, new object?[] { 7, "x" });
        var blobTopic = AbiEvent.Parse("event Blob(bytes indexed blob)").EncodeTopic(0, new byte[] { 0xde, 0xad });

        var decoded = abiEvent.Decode(
            [abiEvent.Topic0, noteTopic, idsTopic, pairTopic],
            AbiEncoder.Encode([AbiType.Bytes, AbiType.UInt256], [new byte[] { 9 }, 5]));

        // Solidity ABI specification, "Encoding of Indexed Event Parameters": string and bytes hash their contents;
        // arrays and structs hash the concatenation of their elements, each padded to 32 bytes, with no length.
        Assert.Equal(new Hash32(Sha3Keccack.Current.CalculateHashAsBytes("hello")), decoded.Get<Hash32>("note"));
        Assert.Equal(new Hash32(Sha3Keccack.Current.CalculateHash(new byte[] { 0xde, 0xad })), blobTopic);
        Assert.Equal(new Hash32(Sha3Keccack.Current.CalculateHash(Hex.Decode(Word(1) + Word(2)))), decoded.Get<Hash32>("ids"));
        Assert.Equal(new Hash32(Sha3Keccack.Current.CalculateHash(Hex.Decode(Word(7) + "78" + new string('0', 62)))), pairTopic);
        Assert.Equal(pairTopic, decoded.Get<Hash32>(2));
        Assert.Equal(new byte[] { 9 }, decoded.Get<byte[]>("blob"));
        Assert.Equal(5, decoded.Get<int>("plain"));
    }

    [Fact]
    public void Decode_AnonymousEvent_ReadsFourIndexedTopicsWithoutTopic0()
    {
        var abiEvent = AbiEvent.Parse("event Ping(uint256 indexed a, address indexed b, bool indexed c, bytes32 indexed d, string note) anonymous");
        var d = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        Hash32[] topics = [abiEvent.EncodeTopic(0, 1), abiEvent.EncodeTopic(1, Setter), abiEvent.EncodeTopic(2, true), abiEvent.EncodeTopic(3, d)];

        var decoded = abiEvent.Decode(topics, AbiEncoder.Encode(AbiType.String, "anon"));

        Assert.True(abiEvent.Anonymous);
        Assert.Equal(new BigInteger(1), decoded.Get<BigInteger>("a"));
        Assert.Equal(Setter, decoded.Get<Address>("b"));
        Assert.True(decoded.Get<bool>("c"));
        Assert.Equal(d, decoded.Get<byte[]>("d"));
        Assert.Equal("anon", decoded["note"]);
    }

    [Fact]
    public void Decode_WrongTopic0_Throws()
    {
        var transfer = AbiEvent.Parse("event Transfer(address indexed from, address indexed to, uint256 value)");
        var log = Log([ValueSet.Topic0, Hash32.Zero, Hash32.Zero], new byte[32]);

        var ex = Assert.Throws<AbiDecodingException>(() => transfer.Decode(log));

        Assert.Equal($"Topic 0 {ValueSet.Topic0} is not Transfer(address,address,uint256) ({transfer.Topic0}).", ex.Message);
    }

    [Fact]
    public void Decode_WrongTopicCount_Throws()
    {
        var ex = Assert.Throws<AbiDecodingException>(() => ValueSet.Decode([ValueSet.Topic0, Hash32.Zero], new byte[128]));

        Assert.Equal("A log of ValueSet(address,uint256,string,bytes) has 3 topics (topic 0 and 2 indexed); this one has 2.", ex.Message);
    }

    [Fact]
    public void Decode_DirtyAddressTopic_Throws()
    {
        var dirty = Hash32.Parse("0x01" + new string('0', 62));

        var ex = Assert.Throws<AbiDecodingException>(() =>
            ValueSet.Decode([ValueSet.Topic0, dirty, Hash32.Zero], AbiEncoder.Encode([AbiType.String, AbiType.Bytes], ["", Array.Empty<byte>()])));

        Assert.StartsWith("Cannot decode topic 1 of a ValueSet(address,uint256,string,bytes) log: parameter 0 'setter' (address) at byte 0:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_MalformedData_NamesTheParameter()
    {
        var ex = Assert.Throws<AbiDecodingException>(() =>
            ValueSet.Decode([ValueSet.Topic0, Hash32.Zero, Hash32.Zero], Hex.Decode(Word(0x40) + Word(0x1000) + Word(0))));

        Assert.StartsWith("Cannot decode the data of a ValueSet(address,uint256,string,bytes) log: parameter 3 'payload' (bytes) at byte 32:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EncodeTopic_NotIndexedOrOutOfRange_Throws()
    {
        Assert.Contains("is not indexed", Assert.Throws<AbiException>(() => ValueSet.EncodeTopic(2, "x")).Message, StringComparison.Ordinal);
        Assert.Contains("there is no parameter 9", Assert.Throws<AbiException>(() => ValueSet.EncodeTopic(9, 1)).Message, StringComparison.Ordinal);
        Assert.Equal(
            "Cannot encode a topic of ValueSet(address,uint256,string,bytes): parameter 1 'value' (uint256): -1 is out of range 0..2^256-1.",
            Assert.Throws<AbiException>(() => ValueSet.EncodeTopic(1, -1)).Message);
    }

    [Fact]
    public void EncodeTopic_StaticValues_AreTheirAbiWord()
    {
        Assert.Equal(Hash32.Parse("0x" + Word(42)), ValueSet.EncodeTopic(1, 42));
        Assert.Equal(Hash32.Parse("0x0000000000000000000000005aaeb6053f3e94c9b9a09f33669435e7ef1beaed"), ValueSet.EncodeTopic(0, Setter));
    }

    [Fact]
    public void EncodeTopic_PrecomputedHashForDynamicParameter_IsUsedAsIs()
    {
        var abiEvent = AbiEvent.Parse("event Named(string indexed name)");
        var hash = new Hash32(Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes("rocketNodeManager")));

        Assert.Equal(hash, abiEvent.EncodeTopic(0, hash));
        Assert.Equal(hash, abiEvent.EncodeTopic(0, "rocketNodeManager"));
    }

    [Fact]
    public void Constructor_TooManyIndexed_Throws()
    {
        var ex = Assert.Throws<AbiException>(() => AbiEvent.Parse("event E(uint8 indexed a, uint8 indexed b, uint8 indexed c, uint8 indexed d)"));

        Assert.Contains("has 4 indexed parameters; an event can have at most 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_IsHumanReadable()
    {
        Assert.Equal("event ValueSet(address indexed setter, uint256 indexed value, string note, bytes payload)", ValueSet.ToString());
    }

    private static LogEntry Log(IReadOnlyList<Hash32> topics, byte[] data) =>
        new(Address.Zero, topics, data, 1, Hash32.Zero, Hash32.Zero, 0, 0, false);

    private static string Word(long value) => value.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
}
