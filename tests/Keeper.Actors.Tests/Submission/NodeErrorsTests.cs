using Keeper.Actors.Submission;
using Xunit;

namespace Keeper.Actors.Tests.Submission;

public sealed class NodeErrorsTests
{
    [Theory]
    [InlineData("nonce too low")]
    [InlineData("nonce too low: next nonce 5, tx nonce 4")]
    [InlineData("already known")]
    [InlineData("ALREADY KNOWN")]
    [InlineData("replacement transaction underpriced")]
    [InlineData("known transaction: 0x1234")]
    [InlineData("transaction already imported")]
    [InlineData("NONCE_TOO_LOW")]
    [InlineData("TRANSACTION_ALREADY_KNOWN")]
    [InlineData("REPLACEMENT_UNDERPRICED")]
    [InlineData("OldNonce")]
    [InlineData("AlreadyKnown")]
    public void MeansAlreadySubmitted_NodeWordings_True(string message) => Assert.True(NodeErrors.MeansAlreadySubmitted(message));

    [Theory]
    [InlineData("insufficient funds for gas * price + value")]
    [InlineData("max fee per gas less than block base fee")]
    [InlineData("intrinsic gas too low")]
    [InlineData("nonce too high")]
    [InlineData("")]
    [InlineData(null)]
    public void MeansAlreadySubmitted_OtherErrors_False(string? message) => Assert.False(NodeErrors.MeansAlreadySubmitted(message));

    [Theory]
    [InlineData("insufficient funds for gas * price + value")]
    [InlineData("insufficient funds for gas * price + value: address 0xf39f... have 0 want 60000000000000")]
    [InlineData("InsufficientFunds")]
    [InlineData("UPFRONT_COST_EXCEEDS_BALANCE")]
    public void MeansInsufficientFunds_NodeWordings_True(string message) => Assert.True(NodeErrors.MeansInsufficientFunds(message));

    [Theory]
    [InlineData("nonce too low")]
    [InlineData("intrinsic gas too low")]
    [InlineData("")]
    [InlineData(null)]
    public void MeansInsufficientFunds_OtherErrors_False(string? message) => Assert.False(NodeErrors.MeansInsufficientFunds(message));
}
