using System.Reflection;

var version = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
    ?? typeof(Program).Assembly.GetName().Version?.ToString()
    ?? "unknown";

if (args.Length == 0 || args is ["--version"] or ["version"])
{
    Console.WriteLine($"keeper {version}");
    return 0;
}

Console.Error.WriteLine($"keeper {version}: unknown command '{string.Join(' ', args)}'. Run 'keeper --version'.");
return 2;
