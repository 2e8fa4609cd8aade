using System.Buffers;

namespace Keeper.Chain.Beacon;

/// <summary>
/// Reads an SSZ body of up to a few hundred megabytes into one array of exactly its length: at once when the node
/// declares Content-Length, otherwise in fixed-size segments copied once into the exact array at the end (so a body
/// of unknown length never leaves a doubled, half-empty buffer behind).
/// </summary>
internal static class BeaconSszBodyReader
{
    private const int SegmentSize = 4 * 1024 * 1024;

    /// <summary>Reads the whole body of an answer with HTTP status <paramref name="status"/>.</summary>
    /// <exception cref="BeaconAttemptException">
    /// The body is longer than <paramref name="maxBytes"/> or than it declared, or shorter than declared (a retryable failure).
    /// </exception>
    public static async Task<byte[]> ReadAsync(HttpContent content, long maxBytes, int status, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            throw Failed(status, $"SSZ body of {declared} bytes exceeds the limit of {maxBytes} bytes (MaxSszResponseBytes)");
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return declared is { } length
                ? await ReadDeclaredAsync(stream, (int)length, status, cancellationToken).ConfigureAwait(false)
                : await ReadUnknownAsync(stream, maxBytes, status, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<byte[]> ReadDeclaredAsync(Stream stream, int length, int status, CancellationToken cancellationToken)
    {
        var body = GC.AllocateUninitializedArray<byte>(length);
        var filled = 0;
        int read;
        while (filled < length && (read = await stream.ReadAsync(body.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
        {
            filled += read;
        }

        if (filled < length)
        {
            throw Failed(status, $"SSZ body ended after {filled} of the {length} bytes its Content-Length declared");
        }

        var probe = new byte[1];
        if (await stream.ReadAsync(probe, cancellationToken).ConfigureAwait(false) > 0)
        {
            throw Failed(status, $"SSZ body is longer than the {length} bytes its Content-Length declared");
        }

        return body;
    }

    private static async Task<byte[]> ReadUnknownAsync(Stream stream, long maxBytes, int status, CancellationToken cancellationToken)
    {
        var segments = new List<byte[]>();
        long total = 0;
        try
        {
            while (true)
            {
                var segment = ArrayPool<byte>.Shared.Rent(SegmentSize);
                segments.Add(segment);
                var filled = 0;
                int read;
                while (filled < SegmentSize && (read = await stream.ReadAsync(segment.AsMemory(filled, SegmentSize - filled), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    filled += read;
                    if (total + filled > maxBytes)
                    {
                        throw Failed(status, $"SSZ body exceeds the limit of {maxBytes} bytes (MaxSszResponseBytes)");
                    }
                }

                total += filled;
                if (filled < SegmentSize)
                {
                    break;
                }
            }

            var body = GC.AllocateUninitializedArray<byte>((int)total);
            var offset = 0;
            foreach (var segment in segments)
            {
                var count = (int)Math.Min(SegmentSize, total - offset);
                segment.AsSpan(0, count).CopyTo(body.AsSpan(offset));
                offset += count;
            }

            return body;
        }
        finally
        {
            foreach (var segment in segments)
            {
                ArrayPool<byte>.Shared.Return(segment);
            }
        }
    }

    private static BeaconAttemptException Failed(int status, string reason) => new(BeaconFailureKind.Unavailable, reason, statusCode: status);
}
