using Keeper.Testing.Anvil;
using Xunit;

namespace Keeper.Integration.Tests.Chain;

/// <summary>Tests that share one automining anvil node and never move its clock or revert it.</summary>
[CollectionDefinition(Name)]
public sealed class AnvilCollection : ICollectionFixture<AnvilFixture>
{
    public const string Name = "shared anvil";
}
