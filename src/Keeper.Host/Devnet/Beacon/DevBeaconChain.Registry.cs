using System.Collections.Immutable;
using Keeper.Chain.Beacon;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;

namespace Keeper.Host.Devnet.Beacon;

public sealed partial class DevBeaconChain
{
    private const int MaxWithdrawalsPerPayload = 16;

    /// <summary>The validators as the next block will have them, by index.</summary>
    public IReadOnlyList<DevValidator> Validators
    {
        get
        {
            lock (_gate)
            {
                return [.. _registry];
            }
        }
    }

    /// <summary>The withdrawal credentials <c>prefix ++ 11 zero bytes ++ address</c>.</summary>
    public static Hash32 Credentials(byte prefix, Address address)
    {
        var bytes = new byte[32];
        bytes[0] = prefix;
        address.Bytes.CopyTo(bytes.AsSpan(12));
        return new Hash32(bytes);
    }

    /// <summary>The validator with <paramref name="pubkey"/> as the next block will have it, or null when the chain does not know it.</summary>
    public DevValidator? Validator(ValidatorPubkey pubkey)
    {
        lock (_gate)
        {
            return _indexByPubkey.TryGetValue(pubkey, out var index) ? _registry[index] : null;
        }
    }

    /// <summary>
    /// Brings the registry up to date with the harness's validators (the megapool manager's index), for the next block:
    /// a validator appears once it is prestaked (1 ETH deposited, not active) and becomes active with 32 ETH once
    /// staked. Validators still in the queue have deposited nothing and are absent. What the devnet changed on purpose
    /// (exits, credentials, slashing, withdrawals) is kept. Returns how many validators were added or changed.
    /// </summary>
    public int Sync(IEnumerable<ManagedValidator> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var changed = 0;
        lock (_gate)
        {
            var epoch = _history.Head.Slot / DevBeaconSpec.SlotsPerEpoch;
            foreach (var entry in entries)
            {
                changed += SyncOne(entry, epoch) ? 1 : 0;
            }
        }

        return changed;
    }

    /// <summary>
    /// Exits a validator from the next block on: <c>exit_epoch</c> and <c>withdrawable_epoch</c> set as
    /// <c>initiate_validator_exit</c> would (withdrawable <see cref="DevBeaconSpec.MinValidatorWithdrawabilityDelay"/>
    /// epochs after the exit unless given).
    /// </summary>
    /// <exception cref="ArgumentException">The validator is unknown, or the withdrawable epoch is before the exit epoch.</exception>
    public DevValidator Exit(ValidatorPubkey pubkey, ulong exitEpoch, ulong? withdrawableEpoch = null)
    {
        var withdrawable = withdrawableEpoch ?? exitEpoch + DevBeaconSpec.MinValidatorWithdrawabilityDelay;
        if (withdrawable < exitEpoch)
        {
            throw new ArgumentException($"The withdrawable epoch {withdrawable} is before the exit epoch {exitEpoch}; the chain never sets that.", nameof(withdrawableEpoch));
        }

        return Change(pubkey, v => v with { ExitEpoch = exitEpoch, WithdrawableEpoch = withdrawable });
    }

    /// <summary>
    /// Gives a validator other withdrawal credentials from the next block on: 0x02 with its megapool (allowed), or
    /// wrong ones on purpose (another address, a 0x00 BLS prefix) for a non-compliant validator. See <see cref="Credentials"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The validator is unknown.</exception>
    public DevValidator SetWithdrawalCredentials(ValidatorPubkey pubkey, Hash32 credentials) =>
        Change(pubkey, v => v with { WithdrawalCredentials = credentials });

    /// <summary>Marks a validator slashed from the next block on (it does not exit it: call <see cref="Exit"/> too for that).</summary>
    /// <exception cref="ArgumentException">The validator is unknown.</exception>
    public DevValidator Slash(ValidatorPubkey pubkey) => Change(pubkey, v => v with { Slashed = true });

    /// <summary>
    /// Queues a withdrawal of <paramref name="amountGwei"/> from a validator into the execution payload of the next
    /// block (16 per block at most; more wait for later blocks), paid to the address of its withdrawal credentials
    /// unless <paramref name="to"/> is given. Its balance falls by the amount (a full withdrawal leaves 0). The task
    /// completes when a block carries it, with the slot and position a withdrawal proof names.
    /// </summary>
    /// <exception cref="ArgumentException">The validator is unknown.</exception>
    public Task<DevWithdrawalInclusion> WithdrawAsync(ValidatorPubkey pubkey, ulong amountGwei, Address? to = null)
    {
        var done = new TaskCompletionSource<DevWithdrawalInclusion>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _ = Known(pubkey);
            _pendingWithdrawals.Add(new PendingWithdrawal(pubkey, amountGwei, to, done));
        }

        return done.Task;
    }

    /// <summary>Queues the final withdrawal of a validator: its whole balance as the next block will have it.</summary>
    /// <exception cref="ArgumentException">The validator is unknown.</exception>
    public Task<DevWithdrawalInclusion> WithdrawFinalAsync(ValidatorPubkey pubkey, Address? to = null)
    {
        lock (_gate)
        {
            return WithdrawAsync(pubkey, _registry[Known(pubkey)].Balance, to);
        }
    }

    private bool SyncOne(ManagedValidator entry, ulong epoch)
    {
        var pubkey = new ValidatorPubkey(entry.Pubkey);
        var info = entry.Info;
        if (!_indexByPubkey.TryGetValue(pubkey, out var index))
        {
            if (!(info.InPrestake || info.Staked || info.Exiting || info.Exited || info.Locked))
            {
                return false;
            }

            var prestake = new DevValidator(
                (ulong)_registry.Count, pubkey, Credentials(_options.CredentialsPrefix, entry.Megapool), DevBeaconSpec.Gwei, false,
                DevBeaconSpec.FarFutureEpoch, DevBeaconSpec.FarFutureEpoch, DevBeaconSpec.FarFutureEpoch, DevBeaconSpec.FarFutureEpoch, DevBeaconSpec.Gwei,
                entry.Megapool, entry.ValidatorId);
            _indexByPubkey[pubkey] = _registry.Count;
            _registry.Add(info.InPrestake ? prestake : Activate(prestake, epoch));
            _registryChanged = true;
            return true;
        }

        var current = _registry[index];
        if (info.InPrestake || current.ActivationEpoch != DevBeaconSpec.FarFutureEpoch || current.ExitEpoch != DevBeaconSpec.FarFutureEpoch || !(info.Staked || info.Exiting || info.Exited || info.Locked))
        {
            return false;
        }

        _registry[index] = Activate(current, epoch);
        _registryChanged = true;
        return true;
    }

    // The 31 ETH of the stake join the prestake's 1 ETH.
    private static DevValidator Activate(DevValidator validator, ulong epoch) =>
        validator with
        {
            Balance = 32 * DevBeaconSpec.Gwei,
            EffectiveBalance = 32 * DevBeaconSpec.Gwei,
            ActivationEligibilityEpoch = epoch,
            ActivationEpoch = epoch,
        };

    private DevValidator Change(ValidatorPubkey pubkey, Func<DevValidator, DevValidator> change)
    {
        lock (_gate)
        {
            var index = Known(pubkey);
            _registry[index] = change(_registry[index]);
            _registryChanged = true;
            return _registry[index];
        }
    }

    private int Known(ValidatorPubkey pubkey) =>
        _indexByPubkey.TryGetValue(pubkey, out var index)
            ? index
            : throw new ArgumentException(
                $"Validator {pubkey} is not in the devnet beacon state: it appears once the harness prestakes it and the chain syncs (Sync).", nameof(pubkey));

    private ImmutableArray<DevWithdrawal> TakeWithdrawals(ulong slot, List<(TaskCompletionSource<DevWithdrawalInclusion>, DevWithdrawalInclusion)> included)
    {
        var count = Math.Min(MaxWithdrawalsPerPayload, _pendingWithdrawals.Count);
        var withdrawals = ImmutableArray.CreateBuilder<DevWithdrawal>(count);
        foreach (var pending in _pendingWithdrawals.Take(count))
        {
            var index = _indexByPubkey[pending.Pubkey];
            var validator = _registry[index];
            var amount = Math.Min(pending.AmountGwei, validator.Balance);
            var withdrawal = new DevWithdrawal(_nextWithdrawalIndex++, validator.Index, pending.To ?? validator.WithdrawalAddress, amount);
            var balance = validator.Balance - amount;
            _registry[index] = validator with { Balance = balance, EffectiveBalance = Math.Min(validator.EffectiveBalance, balance - (balance % DevBeaconSpec.Gwei)) };
            included.Add((pending.Done, new DevWithdrawalInclusion(slot, withdrawals.Count, withdrawal)));
            withdrawals.Add(withdrawal);
        }

        _pendingWithdrawals.RemoveRange(0, count);
        _registryChanged |= count > 0;
        return withdrawals.MoveToImmutable();
    }
}
