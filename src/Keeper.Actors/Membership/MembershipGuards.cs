namespace Keeper.Actors.Membership;

/// <summary>Argument checks shared by the membership stores.</summary>
internal static class MembershipGuards
{
    public const int MaxTextLength = 200;

    public static void MemberId(string memberId, string paramName) => Text(memberId, "member id", paramName);

    public static void Member(MemberInfo member, string paramName)
    {
        ArgumentNullException.ThrowIfNull(member, paramName);
        Text(member.MemberId, "member id", paramName);
        Text(member.Host, "host", paramName);
    }

    public static void Row(MemberRow row, string paramName)
    {
        ArgumentNullException.ThrowIfNull(row, paramName);
        Text(row.MemberId, "member id", paramName);
        if (!Enum.IsDefined(row.Status))
        {
            throw new ArgumentOutOfRangeException(paramName, row.Status, "Not a member status.");
        }
    }

    private static void Text(string value, string what, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (value.Length == 0 || value.Length > MaxTextLength)
        {
            throw new ArgumentException($"The {what} must be 1 to {MaxTextLength} characters long; got {value.Length}.", paramName);
        }
    }
}
