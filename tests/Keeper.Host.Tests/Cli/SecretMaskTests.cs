using Keeper.Host.Cli;
using Xunit;

namespace Keeper.Host.Tests.Cli;

public sealed class SecretMaskTests
{
    [Theory]
    [InlineData("keeper.chain.rpc[0]", "https://user:pass@node.example:8545/", "https://****@node.example:8545")]
    [InlineData("keeper.chain.rpc[0]", "https://mainnet.infura.io/v3/abcdef0123", "https://mainnet.infura.io:443/****")]
    [InlineData("keeper.chain.rpc[0]", "http://127.0.0.1:8545?apikey=abc", "http://127.0.0.1:8545?****")]
    [InlineData("keeper.chain.rpc[0]", "http://127.0.0.1:8545", "http://127.0.0.1:8545")]
    [InlineData("keeper.store.connection-string", "Host=db;Password=hunter2;Username=k", "Host=db;Password=****;Username=k")]
    [InlineData("keeper.store.connection-string", "Host=db; pwd = 'a;b'; Username=k", "Host=db; pwd=****; Username=k")]
    [InlineData("keeper.store.connection-string", "postgresql://k:hunter2@db:5432/keeper", "postgresql://****@db:5432/****")]
    [InlineData("keeper.signer.password", "hunter2", "****")]
    [InlineData("keeper.other.api-token", "abc", "****")]
    [InlineData("keeper.signer.password-file", "/etc/keeper/password", "/etc/keeper/password")]
    [InlineData("keeper.signer.password-env", "KEEPER_KEYSTORE_PASSWORD", "KEEPER_KEYSTORE_PASSWORD")]
    [InlineData("keeper.signer.password", "", "")]
    [InlineData("keeper.node.id", "keeper-1", "keeper-1")]
    public void Value_SecretParts_Masked(string key, string value, string expected) => Assert.Equal(expected, SecretMask.Value(key, value));
}
