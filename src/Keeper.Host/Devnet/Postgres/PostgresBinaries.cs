namespace Keeper.Host.Devnet.Postgres;

/// <summary>Finds Debian's PostgreSQL 15 server binaries (or the folder in <c>KEEPER_POSTGRES_BIN</c>).</summary>
public static class PostgresBinaries
{
    /// <summary>The environment variable that overrides the binaries' folder.</summary>
    public const string FolderVariable = "KEEPER_POSTGRES_BIN";

    /// <summary>Where Debian's postgresql-15 package installs the server binaries.</summary>
    public const string DebianFolder = "/usr/lib/postgresql/15/bin";

    /// <summary>The folder holding initdb, postgres and pg_ctl: <c>KEEPER_POSTGRES_BIN</c> if set, else Debian's.</summary>
    /// <exception cref="InvalidOperationException">A binary is missing; the message says how to install it.</exception>
    public static string Folder
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(FolderVariable);
            return Locate(string.IsNullOrEmpty(configured) ? DebianFolder : configured);
        }
    }

    /// <summary>Returns <paramref name="folder"/> if it holds initdb, postgres and pg_ctl.</summary>
    /// <exception cref="InvalidOperationException">A binary is missing; the message says how to install it.</exception>
    public static string Locate(string folder)
    {
        foreach (var binary in new[] { "initdb", "postgres", "pg_ctl" })
        {
            if (!File.Exists(Path.Combine(folder, binary)))
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL server binary '{binary}' is missing from {folder}. The PostgreSQL tests start their own "
                    + "server from Debian's package: install it with 'apt-get install postgresql-15' (the server need not run as "
                    + $"a service), or set {FolderVariable} to a folder holding initdb, postgres and pg_ctl of PostgreSQL 15.");
            }
        }

        return folder;
    }
}
