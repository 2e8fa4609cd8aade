using System.CommandLine;

namespace Keeper.Host.Cli;

/// <summary>
/// Where a keystore password comes from: the first line of a file (<c>--password-file</c>) or an environment variable
/// (<c>--password-env</c>). Never an argument: arguments show in the process list and the shell history.
/// </summary>
public sealed class PasswordSource
{
    /// <summary>The <c>--password-file</c> option.</summary>
    public Option<FileInfo?> File { get; } = new("--password-file") { Description = "File whose first line is the keystore password." };

    /// <summary>The <c>--password-env</c> option.</summary>
    public Option<string?> Env { get; } = new("--password-env") { Description = "Environment variable holding the keystore password." };

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(File);
        command.Options.Add(Env);
    }

    /// <summary>Reads the password.</summary>
    /// <exception cref="CliInputException">Neither or both options are given, the file is missing, the variable unset, or the password empty.</exception>
    public string Read(ParseResult result)
    {
        var file = result.GetValue(File);
        var env = result.GetValue(Env);
        if ((file is null) == string.IsNullOrEmpty(env))
        {
            throw new CliInputException("give the keystore password with exactly one of --password-file FILE or --password-env NAME (never on the command line).");
        }

        string? password;
        if (file is not null)
        {
            if (!file.Exists)
            {
                throw new CliInputException($"--password-file {file.FullName} does not exist.");
            }

            password = System.IO.File.ReadLines(file.FullName).FirstOrDefault();
        }
        else
        {
            password = Environment.GetEnvironmentVariable(env!)
                ?? throw new CliInputException($"--password-env: the environment variable {env} is not set.");
        }

        return string.IsNullOrEmpty(password)
            ? throw new CliInputException(file is not null ? $"--password-file {file.FullName}: the first line is empty; write the password on it." : $"--password-env: the environment variable {env} is empty.")
            : password;
    }
}
