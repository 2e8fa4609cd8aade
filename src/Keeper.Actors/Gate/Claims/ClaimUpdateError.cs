namespace Keeper.Actors.Gate.Claims;

/// <summary>Why a claim update was refused.</summary>
public enum ClaimUpdateError
{
    /// <summary>There is no claim for the (task, window).</summary>
    NotFound,

    /// <summary>The claim belongs to another member; only its owner may change it.</summary>
    NotOwner,

    /// <summary>The claim is already final (mined, failed or abandoned) with a different state or hash.</summary>
    AlreadyFinal,
}
