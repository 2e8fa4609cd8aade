using System.Text.Json;
using Keeper.Chain.Beacon;

namespace Keeper.Chain.Tests.Beacon;

/// <summary>Shared set-up for the beacon client tests.</summary>
internal static class BeaconTestKit
{
    /// <summary>How long a test waits for something that should happen at once before it fails instead of hanging.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>A distinct, deterministic public key per number.</summary>
    public static ValidatorPubkey Pubkey(int n)
    {
        var bytes = new byte[ValidatorPubkey.Size];
        bytes[0] = 0xa0;
        BitConverter.TryWriteBytes(bytes.AsSpan(44), n);
        return new ValidatorPubkey(bytes);
    }

    /// <summary>Options for tests where timing does not matter: no backoff, a generous per-request timeout.</summary>
    public static BeaconClientOptions FastOptions(params Uri[] endpoints) => new()
    {
        Endpoints = endpoints,
        InitialBackoff = TimeSpan.Zero,
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Parses JSON text into a root element that outlives the document.</summary>
    public static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Fails the test instead of hanging when <paramref name="task"/> does not finish in time.</summary>
    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Patience);
}
