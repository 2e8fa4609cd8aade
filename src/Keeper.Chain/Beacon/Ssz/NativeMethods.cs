using System.Runtime.InteropServices;

namespace Keeper.Chain.Beacon.Ssz;

/// <summary>libcrypto's SHA-256 block function (OpenSSL 3 still exports it; it dispatches to the SHA instructions).</summary>
internal static class NativeMethods
{
    // One 64-byte block takes tens of nanoseconds and never calls back or blocks, so the GC transition (about as
    // costly as the hashing) is skipped.
    [DllImport("libcrypto.so.3", ExactSpelling = true)]
    [SuppressGCTransition]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    internal static extern void SHA256_Transform(ref uint state, ref byte block);
}
