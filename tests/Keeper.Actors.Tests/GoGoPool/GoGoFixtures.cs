using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Primitives;
using Keeper.Chain.Watching;
using Keeper.Chain.Watching.GoGoPool;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tests.GoGoPool;

/// <summary>Minipools, settings and blocks for the GoGoPool tracking tests.</summary>
internal static class GoGoFixtures
{
    public const ulong Day = 24 * 60 * 60;

    /// <summary>2026-01-01T00:00:00Z: every test chain starts here.</summary>
    public const ulong Genesis = 1_767_225_600;

    public static readonly Address NodeId = Address.Parse("0x00000000000000000000000000000000000000b1");
    public static readonly Address OtherNodeId = Address.Parse("0x00000000000000000000000000000000000000b2");
    public static readonly Address Owner = Address.Parse("0x00000000000000000000000000000000000000c1");
    public static readonly Address OwnOwner = Address.Parse("0x00000000000000000000000000000000000000c2");
    public static readonly Address Multisig = Address.Parse("0x00000000000000000000000000000000000000d1");
    public static readonly Address RewardsPoolAddress = Address.Parse("0x00000000000000000000000000000000000000e1");

    /// <summary>The protocol's defaults: 28-day rewards cycles, 1-day inflation intervals, 14-day minipool cycles, 1 day's tolerance.</summary>
    public static readonly GoGoPoolSettings DaoSettings = new(28 * Day, Day, 14 * Day, Day, 365 * Day, 5 * Day);

    public static GoGoMinipool Minipool(
        GoGoMinipoolStatus status, ulong creationTime = Genesis, ulong startTime = 0, ulong endTime = 0, Address? nodeId = null, Address? owner = null, Hash32? errorCode = null) =>
        new(0, nodeId ?? NodeId, owner ?? Owner, Multisig, status, 28 * Day, creationTime, startTime, startTime, endTime, 1000, 1000, errorCode ?? Hash32.Zero);

    public static BlockRef Block(ulong number, ulong time) => new(number, Hash32.Zero, time);

    public static GoGoMinipoolRead Read(ulong block, ulong time, GoGoMinipool minipool, bool statusChanged = true) =>
        new(Block(block, time), minipool, statusChanged);

    /// <summary>A tracked state of <paramref name="minipool"/> as of <paramref name="block"/>, in its status since <paramref name="since"/>.</summary>
    public static Keeper.Actors.GoGoPool.GoGoMinipoolTrackingState State(GoGoMinipool minipool, ulong? since = Genesis, ulong block = 10) =>
        new(minipool, block, since);

    /// <summary>A bytes32 holding <paramref name="text"/> left-aligned, as Solidity stores a short string constant.</summary>
    public static Hash32 Code(string text)
    {
        var bytes = new byte[32];
        System.Text.Encoding.ASCII.GetBytes(text).CopyTo(bytes, 0);
        return new Hash32(bytes);
    }
}
