namespace Keeper.Chain.Abi;

/// <summary>The kinds of Solidity ABI types that <see cref="AbiType"/> represents.</summary>
public enum AbiTypeKind
{
    /// <summary><c>uint&lt;M&gt;</c>, an unsigned integer of M bits (8 to 256, a multiple of 8).</summary>
    UInt,

    /// <summary><c>int&lt;M&gt;</c>, a two's complement signed integer of M bits (8 to 256, a multiple of 8).</summary>
    Int,

    /// <summary><c>address</c>, a 20-byte account address.</summary>
    Address,

    /// <summary><c>bool</c>.</summary>
    Bool,

    /// <summary><c>bytes&lt;M&gt;</c>, a fixed-size byte string of 1 to 32 bytes.</summary>
    FixedBytes,

    /// <summary><c>bytes</c>, a dynamically sized byte string.</summary>
    Bytes,

    /// <summary><c>string</c>, a dynamically sized UTF-8 string.</summary>
    String,

    /// <summary><c>T[k]</c>, exactly k elements of type T.</summary>
    FixedArray,

    /// <summary><c>T[]</c>, any number of elements of type T.</summary>
    DynamicArray,

    /// <summary><c>(T1,T2,...,Tn)</c>, a tuple (a Solidity struct or a parameter list).</summary>
    Tuple,
}
