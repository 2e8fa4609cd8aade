using Keeper.Host.Cli;

return await KeeperCli.Create().Parse(args).InvokeAsync();
