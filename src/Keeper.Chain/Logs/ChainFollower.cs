using Keeper.Chain.Eth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keeper.Chain.Logs;

/// <summary>
/// Follows the chain head by polling. It remembers the recent canonical blocks; when a new block's parent hash does not
/// match, it walks back to the common ancestor and reports the blocks that were dropped, so readers can re-read them.
/// Not thread-safe: one owner polls it.
/// </summary>
public sealed partial class ChainFollower
{
    private readonly EthApi _eth;
    private readonly ChainFollowerOptions _options;
    private readonly ILogger _logger;
    private readonly LinkedList<BlockHeader> _recent = new();

    /// <summary>Creates a follower with no history; the first poll takes the current head.</summary>
    public ChainFollower(EthApi eth, ChainFollowerOptions? options = null, ILogger<ChainFollower>? logger = null)
    {
        _eth = eth;
        _options = (options ?? new ChainFollowerOptions()).Validate();
        _logger = logger ?? NullLogger<ChainFollower>.Instance;
    }

    /// <summary>The newest canonical block seen, or null before the first poll.</summary>
    public BlockHeader? Head => _recent.Last?.Value;

    /// <summary>The newest block number the node reported at the last poll (the chain's tip as far as this follower knows); null before.</summary>
    public ulong? LatestSeen { get; private set; }

    /// <summary>The remembered canonical blocks, oldest first.</summary>
    public IReadOnlyList<BlockHeader> RecentBlocks => [.. _recent];

    /// <summary>
    /// Resumes from remembered blocks (a checkpoint): consecutive canonical blocks, oldest first. A reorg of any of them
    /// while the node was down is reported by the next poll.
    /// </summary>
    /// <exception cref="ArgumentException">The blocks are not a linked chain.</exception>
    public void Resume(IReadOnlyList<BlockHeader> blocks)
    {
        for (var i = 1; i < blocks.Count; i++)
        {
            if (blocks[i].Number != blocks[i - 1].Number + 1 || blocks[i].ParentHash != blocks[i - 1].Hash)
            {
                throw new ArgumentException($"Checkpoint blocks are not a chain: block {blocks[i].Number} does not follow block {blocks[i - 1].Number}.", nameof(blocks));
            }
        }

        _recent.Clear();
        foreach (var block in blocks.TakeLast(_options.HistoryDepth))
        {
            _recent.AddLast(block);
        }
    }

    /// <summary>
    /// Forgets the remembered blocks above <paramref name="number"/>, so the next poll fetches them again. Used when a
    /// reader found that data it fetched for those blocks no longer matches their hashes (a reorg raced the read).
    /// </summary>
    public void Rewind(ulong number)
    {
        while (_recent.Count > 1 && _recent.Last!.Value.Number > number)
        {
            _recent.RemoveLast();
        }
    }

    /// <summary>
    /// Polls the node once and reports new blocks and any reorg since the last poll. A poll that throws changes no
    /// remembered block (only <see cref="LatestSeen"/>), so the next poll finds and reports the same reorg.
    /// </summary>
    /// <exception cref="ReorgTooDeepException">The common ancestor is older than the remembered history.</exception>
    public async Task<ChainUpdate> PollAsync(CancellationToken cancellationToken)
    {
        var latest = await _eth.GetBlockAsync(BlockTag.Latest, cancellationToken);
        LatestSeen = latest.Number;
        if (_recent.Last is not { } tipNode)
        {
            Append([latest]);
            return new ChainUpdate(null, [latest]);
        }

        var tip = tipNode.Value;
        if (latest.Hash == tip.Hash)
        {
            return ChainUpdate.None;
        }

        // The common case, one new block on top of the last: it is already in hand.
        if (latest.Number == tip.Number + 1 && latest.ParentHash == tip.Hash)
        {
            Append([latest]);
            return new ChainUpdate(null, [latest]);
        }

        if (latest.Number > tip.Number)
        {
            var fetched = await FetchRangeAsync(tip.Number + 1, latest.Number, cancellationToken);
            if (fetched.Count > 0 && fetched[0].ParentHash == tip.Hash)
            {
                var linked = LinkedPrefix(fetched);
                Append(linked);
                return new ChainUpdate(null, linked);
            }
        }

        return await HandleReorgAsync(latest, cancellationToken);
    }

    private async Task<ChainUpdate> HandleReorgAsync(BlockHeader latest, CancellationToken cancellationToken)
    {
        var ancestor = await FindCommonAncestorAsync(latest, cancellationToken);

        // The old blocks stay remembered until the new branch is in hand: if the fetch fails, the next poll finds this
        // reorg again and reports it. Dropping them first would let that poll see the new branch extend the ancestor
        // and report it as plain new blocks, so readers would never re-read what the dropped blocks touched.
        var fetched = latest.Number > ancestor.Number
            ? await FetchRangeAsync(ancestor.Number + 1, latest.Number, cancellationToken)
            : [];
        var linked = fetched.Count > 0 && fetched[0].ParentHash == ancestor.Hash ? LinkedPrefix(fetched) : [];
        var removed = RemoveAbove(ancestor.Number);
        Append(linked);
        LogReorg(_logger, removed.Count, ancestor.Number, ancestor.Hash.ToString());
        return new ChainUpdate(new ChainReorg(ancestor, removed), linked);
    }

    private async Task<BlockHeader> FindCommonAncestorAsync(BlockHeader latest, CancellationToken cancellationToken)
    {
        // Walk back from the lower of the two tips, comparing remembered hashes with the canonical chain, a batch at a time.
        const int batch = 16;
        var remembered = _recent.ToDictionary(b => b.Number);
        var oldest = _recent.First!.Value.Number;
        var next = Math.Min(latest.Number, _recent.Last!.Value.Number);
        while (true)
        {
            var count = (int)Math.Min((ulong)batch, next - oldest + 1);
            var numbers = Enumerable.Range(0, count).Select(i => next - (ulong)i).ToArray();
            var canonical = await _eth.GetBlocksAsync(numbers, cancellationToken);
            foreach (var block in canonical)
            {
                if (remembered.TryGetValue(block.Number, out var mine) && mine.Hash == block.Hash)
                {
                    return block;
                }
            }

            if (numbers[^1] == oldest)
            {
                throw new ReorgTooDeepException(oldest, _options.HistoryDepth);
            }

            next = numbers[^1] - 1;
        }
    }

    private async Task<IReadOnlyList<BlockHeader>> FetchRangeAsync(ulong from, ulong to, CancellationToken cancellationToken)
    {
        var last = Math.Min(to, from + (ulong)_options.MaxBlocksPerPoll - 1);
        var numbers = new ulong[last - from + 1];
        for (var i = 0; i < numbers.Length; i++)
        {
            numbers[i] = from + (ulong)i;
        }

        return await _eth.GetBlocksAsync(numbers, cancellationToken);
    }

    // A reorg can happen between the requests of one batch; keep the blocks that still chain and let the next poll see the rest.
    private static List<BlockHeader> LinkedPrefix(IReadOnlyList<BlockHeader> blocks)
    {
        var linked = new List<BlockHeader> { blocks[0] };
        for (var i = 1; i < blocks.Count && blocks[i].ParentHash == blocks[i - 1].Hash; i++)
        {
            linked.Add(blocks[i]);
        }

        return linked;
    }

    private List<BlockHeader> RemoveAbove(ulong number)
    {
        var removed = new List<BlockHeader>();
        while (_recent.Last is { } last && last.Value.Number > number)
        {
            removed.Insert(0, last.Value);
            _recent.RemoveLast();
        }

        return removed;
    }

    private void Append(IReadOnlyList<BlockHeader> blocks)
    {
        foreach (var block in blocks)
        {
            _recent.AddLast(block);
        }

        while (_recent.Count > _options.HistoryDepth)
        {
            _recent.RemoveFirst();
        }
    }
}
