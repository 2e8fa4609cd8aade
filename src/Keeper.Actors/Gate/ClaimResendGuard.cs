using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Persistence;
using Keeper.Actors.Submission;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.Gate;

/// <summary>
/// The gate's answer to "may this journaled action go out again?": only when the call would still succeed at the next
/// block's time and this member holds the task's open claim. A claim that a reorg closed too early (mined, then undone)
/// is opened again first, so no other member can claim the task meanwhile; a claim that passed to another member, or was
/// abandoned while this node was down, means the action is no longer ours. With the gate off only the simulation counts.
/// </summary>
public sealed class ClaimResendGuard : IResendGuard
{
    private readonly IClaimStore? _claims;
    private readonly string _memberId;
    private readonly ICallSimulator _simulator;
    private readonly TimeProvider _clock;

    /// <summary>Creates the guard; <paramref name="claims"/> null when the gate is off (every node acts on its own).</summary>
    public ClaimResendGuard(IClaimStore? claims, string memberId, ICallSimulator simulator, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(clock);
        _claims = claims;
        _memberId = memberId;
        _simulator = simulator;
        _clock = clock;
    }

    /// <inheritdoc />
    public async Task<ResendVerdict> CheckAsync(string taskKey, ContractCall call, Address from, ulong nextBlockTime, CancellationToken cancellationToken)
    {
        string? revert;
        try
        {
            revert = await _simulator.SimulateAsync(call, from, nextBlockTime, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ResendVerdict.Unknown($"the simulation could not run: {ex.Message}");
        }

        if (revert is not null)
        {
            return ResendVerdict.Cancel($"the call would revert now ({revert}): done by another, or no longer valid");
        }

        if (_claims is null)
        {
            return ResendVerdict.Send;
        }

        try
        {
            var claims = await _claims.GetAsync(taskKey, cancellationToken);
            var open = claims.FirstOrDefault(c => c.State == ClaimState.Pending);
            if (open is not null)
            {
                return string.Equals(open.MemberId, _memberId, StringComparison.Ordinal)
                    ? ResendVerdict.Send
                    : ResendVerdict.Cancel($"the task's claim passed to {open.MemberId} (window {open.Window})");
            }

            var mine = claims.LastOrDefault(c => string.Equals(c.MemberId, _memberId, StringComparison.Ordinal));
            if (mine is { State: ClaimState.Mined } && await _claims.ReopenAsync(taskKey, mine.Window, _memberId, _clock.GetUtcNow(), cancellationToken))
            {
                return ResendVerdict.Send;
            }

            return ResendVerdict.Cancel(mine is null
                ? "this member holds no claim on the task"
                : $"this member's claim (window {mine.Window}) is {mine.State.ToString().ToLowerInvariant()}, not open");
        }
        catch (StoreException ex)
        {
            return ResendVerdict.Unknown($"the claim store did not answer: {ex.Message}");
        }
    }
}
