using System.Text.Json;

namespace Keeper.Chain.Beacon;

/// <summary>
/// An HTTP answer the caller must interpret: a parsed JSON body for 2xx, or a 4xx status with the node's error
/// message (already scrubbed of endpoint secrets). Disposing it releases the JSON document.
/// </summary>
internal sealed class BeaconAnswer : IDisposable
{
    public BeaconAnswer(int status, JsonDocument? document, string? nodeMessage)
    {
        Status = status;
        Document = document;
        NodeMessage = nodeMessage;
    }

    public int Status { get; }

    /// <summary>The body of a 2xx answer; null otherwise.</summary>
    public JsonDocument? Document { get; }

    /// <summary>The <c>message</c> of a non-2xx answer's error body, when it had one.</summary>
    public string? NodeMessage { get; }

    public void Dispose() => Document?.Dispose();
}
