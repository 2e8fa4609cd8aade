namespace Keeper.Host.Cli;

/// <summary>A command's input is wrong (exit code <see cref="ExitCodes.BadInput"/>); the message says what and how to fix it.</summary>
/// <param name="message">The message, without the command's name.</param>
public sealed class CliInputException(string message) : Exception(message);
