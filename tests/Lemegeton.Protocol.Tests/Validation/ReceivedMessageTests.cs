using Lemegeton.Protocol.Errors;
using Lemegeton.Protocol.Tests.Infrastructure;
using Lemegeton.Protocol.Validation;
using Lemegeton.Protocol.Work;

namespace Lemegeton.Protocol.Tests.Validation;

/// <summary>From bytes to answer: what the hub does with a message that parses but is incomplete.</summary>
public sealed class ReceivedMessageTests(LocalSystemFixture fixture) : IClassFixture<LocalSystemFixture>
{
    [Fact]
    public void A_completion_without_a_fencing_token_is_answered_with_its_correlation_id()
    {
        var message = fixture.Serializer.FromBinary("{\"correlationId\":\"c-9\",\"prId\":\"PR-1\"}"u8.ToArray(), "lemegeton.v1.CompletePr");

        var error = ProtocolValidator.ValidateFromAgent(message);

        Assert.IsType<CompletePr>(message);
        Assert.NotNull(error);
        Assert.Equal(ErrorCodes.InvalidMessage, error.Code);
        Assert.Equal("c-9", error.Re);
        Assert.Equal("CompletePr.fencingToken is 0; fencing tokens are positive.", error.Message);
    }

    [Fact]
    public void A_lease_request_without_files_is_answered_not_dropped()
    {
        var message = fixture.Serializer.FromBinary("{\"correlationId\":\"c-10\",\"prId\":\"PR-1\"}"u8.ToArray(), "lemegeton.v1.AcquireLeases");

        var error = ProtocolValidator.ValidateFromAgent(message);

        Assert.NotNull(error);
        Assert.Equal("AcquireLeases.files is missing.", error.Message);
        Assert.Equal("c-10", error.Re);
    }

    [Fact]
    public void A_register_with_an_unknown_agent_type_is_answered_invalid_hello()
    {
        var json = "{\"correlationId\":\"c-1\",\"protocol\":1,\"agentId\":\"w-1\",\"agentType\":\"overlord\",\"model\":\"opus\",\"maxComplexity\":5}"u8.ToArray();
        var error = ProtocolValidator.ValidateFromAgent(fixture.Serializer.FromBinary(json, "lemegeton.v1.RegisterAgent"));

        Assert.NotNull(error);
        Assert.Equal(ErrorCodes.InvalidHello, error.Code);
        Assert.Equal("c-1", error.Re);
    }
}
