using System.Runtime.InteropServices;

namespace Keeper.Chain.Beacon.Ssz;

/// <summary>libcrypto's SHA-256 block function (OpenSSL 3 still exports it; it dispatches to the SHA instructions).</summary>
internal static class NativeMethods
{
    [DllImport("libcrypto.so.3", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    internal static extern void SHA256_Transform(ref uint state, ref byte block);
}
