using System.Buffers;

namespace Keeper.Chain.Rpc;

/// <summary>Reads an HTTP response body into memory, refusing to hold more than a fixed number of bytes.</summary>
internal static class BoundedContentReader
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>Reads the whole body, or throws <see cref="JsonRpcAttemptException"/> once it passes <paramref name="maxBytes"/>.</summary>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            throw new JsonRpcAttemptException($"response body of {declared} bytes exceeds the limit of {maxBytes} bytes (MaxResponseBytes)");
        }

        var body = new MemoryStream(declared is { } length ? (int)length : ChunkSize);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (body.Length + read > maxBytes)
                    {
                        throw new JsonRpcAttemptException($"response body exceeds the limit of {maxBytes} bytes (MaxResponseBytes)");
                    }

                    body.Write(chunk, 0, read);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return body.GetBuffer().AsMemory(0, (int)body.Length);
    }
}
