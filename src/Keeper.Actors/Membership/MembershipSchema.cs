namespace Keeper.Actors.Membership;

/// <summary>
/// The membership tables, in the manner of Orleans' SQL membership table: one row per member plus a one-row table
/// version that every membership change (join, update, leave, cleanup) increments in the same transaction, so a reader
/// that sees the same table version twice knows nothing changed in between. Heartbeats do not change any version.
/// </summary>
/// <remarks>
/// One database serves one cluster (Orleans partitions by deployment id instead). Times are UTC ticks supplied by the
/// caller, never the database clock, so they round-trip exactly and tests are deterministic. Signing addresses are
/// stored as lowercase hex, the form the gate orders members by.
/// </remarks>
internal static class MembershipSchema
{
    public const string Sqlite = """
        CREATE TABLE membership_version (
            id      INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            version INTEGER NOT NULL
        );
        INSERT INTO membership_version (id, version) VALUES (1, 0);
        CREATE TABLE membership (
            member_id       TEXT    NOT NULL PRIMARY KEY,
            signing_address TEXT    NOT NULL CHECK (length(signing_address) = 42 AND signing_address = lower(signing_address)),
            host            TEXT    NOT NULL,
            started         INTEGER NOT NULL,
            status          TEXT    NOT NULL CHECK (status IN ('joining', 'active', 'shutting_down', 'dead')),
            i_am_alive      INTEGER NOT NULL,
            version         INTEGER NOT NULL CHECK (version >= 1)
        );
        """;

    public const string Postgres = """
        CREATE TABLE membership_version (
            id      integer NOT NULL PRIMARY KEY CHECK (id = 1),
            version bigint  NOT NULL
        );
        INSERT INTO membership_version (id, version) VALUES (1, 0);
        CREATE TABLE membership (
            member_id       text COLLATE "C" NOT NULL PRIMARY KEY,
            signing_address text COLLATE "C" NOT NULL CHECK (length(signing_address) = 42 AND signing_address = lower(signing_address)),
            host            text   NOT NULL,
            started         bigint NOT NULL,
            status          text   NOT NULL CHECK (status IN ('joining', 'active', 'shutting_down', 'dead')),
            i_am_alive      bigint NOT NULL,
            version         bigint NOT NULL CHECK (version >= 1)
        );
        """;
}
