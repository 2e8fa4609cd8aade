using Xunit.Sdk;

namespace Keeper.Actors.TestKit;

/// <summary>A TestKit expectation was not met; the message says what was expected and what came instead.</summary>
public sealed class ExpectationFailedException(string message) : XunitException(message);
