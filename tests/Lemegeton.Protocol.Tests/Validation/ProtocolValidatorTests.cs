using AgentTypes = Lemegeton.Core.Scheduling.AgentTypes;
using FsCheck;
using FsCheck.Fluent;
using Lemegeton.Protocol.Coordination;
using Lemegeton.Protocol.Errors;
using Lemegeton.Protocol.Leases;
using Lemegeton.Protocol.Queries;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Tests.Infrastructure;
using Lemegeton.Protocol.Validation;
using Lemegeton.Protocol.Work;

namespace Lemegeton.Protocol.Tests.Validation;

public sealed class ProtocolValidatorTests
{
    private static readonly RegisterAgent Hello = new("c-1", 1, "worker-1", AgentTypes.Worker, AgentModels.Sonnet, 7, 2);
    private static readonly CompletePr Complete = new("c-3", "PR-012", 1234, "abcdef0", "done");
    private static readonly AcquireLeases Acquire = new("c-5", "PR-012", ["src/b.cs"]);
    private static readonly ExplainedReason Reason = new("dependency-pending", "waiting for dependency PR-012", PrId: "PR-012", State: "new");
    private static readonly PrExplained Explained = new("c-7", "PR-014", "new", null, null, false, [Reason]);

    [Fact]
    public void Every_valid_sample_passes()
    {
        foreach (var message in MessageSamples.Valid)
            Assert.Null(ProtocolValidator.Validate(message));
    }

    public static TheoryData<IProtocolMessage, string, string> Refused => new()
    {
        { Hello with { Protocol = 2 }, ErrorCodes.ProtocolUnsupported, "RegisterAgent.protocol is 2" },
        { Hello with { AgentId = "" }, ErrorCodes.InvalidHello, "RegisterAgent.agentId is empty" },
        { Hello with { AgentId = null! }, ErrorCodes.InvalidHello, "RegisterAgent.agentId is missing" },
        { Hello with { AgentId = new string('a', 129) }, ErrorCodes.InvalidHello, "RegisterAgent.agentId is 129 characters long" },
        { Hello with { AgentId = "worker\u00001" }, ErrorCodes.InvalidHello, "RegisterAgent.agentId contains a NUL character" },
        { Hello with { AgentId = "worker 1" }, ErrorCodes.InvalidHello, "whitespace" },
        { Hello with { AgentType = "manager" }, ErrorCodes.InvalidHello, "RegisterAgent.agentType is 'manager'; expected one of planning, worker, qc, review" },
        { Hello with { Model = "gpt" }, ErrorCodes.InvalidHello, "RegisterAgent.model" },
        { Hello with { MaxComplexity = 0 }, ErrorCodes.InvalidHello, "RegisterAgent.maxComplexity is 0; it must be between 1 and 10" },
        { Hello with { MaxComplexity = 11 }, ErrorCodes.InvalidHello, "maxComplexity" },
        { Hello with { Capacity = 0 }, ErrorCodes.InvalidHello, "RegisterAgent.capacity is 0" },
        { Hello with { Capacity = 65 }, ErrorCodes.InvalidHello, "capacity" },
        { Hello with { ResumeSessionId = "" }, ErrorCodes.InvalidHello, "resumeSessionId is empty" },
        { Hello with { CorrelationId = "\u0007" }, ErrorCodes.InvalidHello, "RegisterAgent.correlationId contains the control character U+0007" },
        { new Heartbeat(-1, HeartbeatStates.Idle), ErrorCodes.InvalidMessage, "Heartbeat.seq is -1" },
        { new Heartbeat(1, "sleeping"), ErrorCodes.InvalidMessage, "Heartbeat.state is 'sleeping'" },
        { new Heartbeat(1, null!), ErrorCodes.InvalidMessage, "Heartbeat.state is missing" },
        { new Heartbeat(1, HeartbeatStates.Working), ErrorCodes.InvalidMessage, "Heartbeat.prIds must name the PRs" },
        { new Heartbeat(1, HeartbeatStates.Idle, ["PR-1"]), ErrorCodes.InvalidMessage, "Heartbeat.prIds must be empty" },
        { new Heartbeat(1, HeartbeatStates.Working, [""]), ErrorCodes.InvalidMessage, "Heartbeat.prIds[0] is empty" },
        { new ProgressReport("PR-1", 101), ErrorCodes.InvalidMessage, "ProgressReport.percent is 101; it must be between 0 and 100" },
        { new ProgressReport("PR-1", -1), ErrorCodes.InvalidMessage, "percent" },
        { new ProgressReport("PR-1", 5, "bell\u0007"), ErrorCodes.InvalidMessage, "ProgressReport.message contains the control character" },
        { new ProgressReport("PR-1", 5, new string('x', ProtocolLimits.MaxTextLength + 1)), ErrorCodes.InvalidMessage, "ProgressReport.message is 16385 characters long" },
        { Complete with { FencingToken = 0 }, ErrorCodes.InvalidMessage, "CompletePr.fencingToken is 0; fencing tokens are positive" },
        { Complete with { FencingToken = -5 }, ErrorCodes.InvalidMessage, "fencingToken" },
        { Complete with { Commit = "not-a-sha" }, ErrorCodes.InvalidMessage, "CompletePr.commit is 'not-a-sha'" },
        { Complete with { PrId = "" }, ErrorCodes.InvalidMessage, "CompletePr.prId is empty" },
        { new FailPr("c-4", "PR-1", 3, "oops", "x"), ErrorCodes.InvalidMessage, "FailPr.category is 'oops'; expected one of transient, assignment, execution, fatal" },
        { new FailPr("c-4", "PR-1", 3, FailureCategories.Fatal, " "), ErrorCodes.InvalidMessage, "FailPr.error is empty" },
        { Acquire with { Files = [] }, ErrorCodes.InvalidMessage, "AcquireLeases.files is empty" },
        { Acquire with { Files = null! }, ErrorCodes.InvalidMessage, "AcquireLeases.files is missing" },
        { Acquire with { Files = [.. Enumerable.Range(0, 101).Select(i => $"f{i}.cs")] }, ErrorCodes.TooManyFiles, "AcquireLeases.files names 101 files; at most 100" },
        { Acquire with { Files = ["src/a.cs", ""] }, ErrorCodes.InvalidPath, "AcquireLeases.files[1] is empty" },
        { Acquire with { Files = ["src/a\u0000.cs"] }, ErrorCodes.InvalidPath, "AcquireLeases.files[0] contains a NUL character" },
        { Acquire with { Files = [new string('a', 1025)] }, ErrorCodes.InvalidPath, "is 1025 characters long" },
        { new ReleaseLeases("c-6", [" "]), ErrorCodes.InvalidPath, "ReleaseLeases.files[0] is empty" },
        { new LeasesGranted("c-5", ["a"], 0, 1), ErrorCodes.InvalidMessage, "LeasesGranted.fencingToken" },
        { new LeasesGranted("c-5", ["a"], 1, 0), ErrorCodes.InvalidMessage, "LeasesGranted.ttlMs is 0" },
        { new LeasesDenied("c-5", []), ErrorCodes.InvalidMessage, "LeasesDenied.conflicts must name at least one conflict" },
        { new LeasesDenied("c-5", [new LeaseConflict("a", "", "PR-1")]), ErrorCodes.InvalidMessage, "LeasesDenied.conflicts[0].agentId is empty" },
        { new AssignPr("a-1", "PR-1", "t", (WorkKind)9, [], 1, null, ""), ErrorCodes.InvalidMessage, "AssignPr.kind has the unknown value 9" },
        { new AssignPr("a-1", "PR-1", "t", WorkKind.Plan, [], 1, "bad branch", ""), ErrorCodes.InvalidMessage, "AssignPr.branch contains whitespace" },
        { new AssignPr("a-1", "PR-1", "t", WorkKind.Plan, [], 1, null, new string('x', ProtocolLimits.MaxBodyLength + 1)), ErrorCodes.InvalidMessage, "AssignPr.body" },
        { new Welcome("c-1", "s", "h", 10_000, 10_000, CoordinationMode.Distributed), ErrorCodes.InvalidMessage, "Welcome.heartbeatTimeoutMs (10000) must be longer than heartbeatIntervalMs (10000)" },
        { new ModeAnnouncement(CoordinationMode.Degraded, (ModeAction)42), ErrorCodes.InvalidMessage, "ModeAnnouncement.action has the unknown value 42" },
        { new Shutdown(-1), ErrorCodes.InvalidMessage, "Shutdown.graceMs is -1" },
        { new ProtocolError("", "x"), ErrorCodes.InvalidMessage, "ProtocolError.code is empty" },
        { new Ack(""), ErrorCodes.InvalidMessage, "Ack.re is empty" },
        { new ExplainPrRequest("c-7", ""), ErrorCodes.InvalidMessage, "ExplainPrRequest.prId is empty" },
        { new ExplainPrRequest("c-7", "PR 7"), ErrorCodes.InvalidMessage, "ExplainPrRequest.prId contains whitespace" },
        { Explained with { Reasons = [] }, ErrorCodes.InvalidMessage, "PrExplained.reasons must name at least one reason" },
        { Explained with { Reasons = null! }, ErrorCodes.InvalidMessage, "PrExplained.reasons must name at least one reason" },
        { Explained with { Reasons = [.. Enumerable.Range(0, 101).Select(_ => Reason)] }, ErrorCodes.InvalidMessage, "PrExplained.reasons names 101 reasons; at most 100" },
        { Explained with { Reasons = [Reason, null!] }, ErrorCodes.InvalidMessage, "PrExplained.reasons[1] is null" },
        { Explained with { Reasons = [Reason with { Text = "" }] }, ErrorCodes.InvalidMessage, "PrExplained.reasons[0].text is empty" },
        { Explained with { Reasons = [Reason with { Path = "src/a\u0000.cs" }] }, ErrorCodes.InvalidPath, "PrExplained.reasons[0].path contains a NUL character" },
        { Explained with { ColdState = null! }, ErrorCodes.InvalidMessage, "PrExplained.coldState is missing" },
        { Explained with { AgentId = "" }, ErrorCodes.InvalidMessage, "PrExplained.agentId is empty" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_malformed_message_is_answered_with_the_right_code(IProtocolMessage message, string code, string messageText)
    {
        var error = ProtocolValidator.Validate(message);
        Assert.NotNull(error);
        Assert.Equal(code, error.Code);
        Assert.Contains(messageText, error.Message);
    }

    [Fact]
    public void The_error_answers_the_request_by_its_correlation_id()
    {
        Assert.Equal("c-3", ProtocolValidator.Validate(Complete with { FencingToken = 0 })!.Re);
        Assert.Equal("c-1", ProtocolValidator.Validate(Hello with { Protocol = 7 })!.Re);
        Assert.Null(ProtocolValidator.Validate(new Heartbeat(-1, HeartbeatStates.Idle))!.Re);
    }

    [Fact]
    public void An_unusable_correlation_id_is_not_echoed()
    {
        var error = ProtocolValidator.Validate(Complete with { CorrelationId = "bad\nid" })!;
        Assert.Equal(ErrorCodes.InvalidMessage, error.Code);
        Assert.Null(error.Re);
    }

    [Fact]
    public void The_hub_refuses_hub_messages_and_foreign_objects_as_unknown_types()
    {
        Assert.Null(ProtocolValidator.ValidateFromAgent(Hello));
        Assert.Equal(ErrorCodes.UnknownType, ProtocolValidator.ValidateFromAgent(new Shutdown(1))!.Code);
        Assert.Equal(ErrorCodes.UnknownType, ProtocolValidator.ValidateFromAgent("hello")!.Code);
        Assert.Equal(ErrorCodes.UnknownType, ProtocolValidator.ValidateFromAgent(null)!.Code);
        Assert.Equal(ErrorCodes.UnknownType, ProtocolValidator.Validate(new Rogue("x"))!.Code);
        var assign = ProtocolValidator.ValidateFromAgent(new AssignPr("a-9", "PR-1", "t", WorkKind.Plan, [], 1, null, ""))!;
        Assert.Equal(ErrorCodes.UnknownType, assign.Code);
        Assert.Equal("a-9", assign.Re);
        Assert.Contains("AssignPr is not a message the hub accepts", assign.Message);
    }

    [Fact]
    public void A_why_question_goes_agent_to_hub_and_its_explanation_hub_to_agent_only()
    {
        Assert.Null(ProtocolValidator.ValidateFromAgent(new ExplainPrRequest("w-1", "PR-014")));
        Assert.Null(ProtocolValidator.ValidateFromHub(Explained));
        var backwards = ProtocolValidator.ValidateFromHub(new ExplainPrRequest("w-1", "PR-014"))!;
        Assert.Equal((ErrorCodes.UnknownType, "w-1"), (backwards.Code, backwards.Re));
        Assert.Equal(ErrorCodes.UnknownType, ProtocolValidator.ValidateFromAgent(Explained)!.Code);
    }

    [Fact]
    public void An_agent_refuses_agent_messages_as_unknown_types()
    {
        Assert.Null(ProtocolValidator.ValidateFromHub(new Shutdown(1)));
        Assert.Null(ProtocolValidator.ValidateFromHub(new Ack("c-1")));
        Assert.Equal(ErrorCodes.UnknownType, ProtocolValidator.ValidateFromHub(Hello)!.Code);
    }

    [Fact]
    public void Validation_never_throws_and_answers_only_known_codes_in_well_formed_errors()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            foreach (var message in MessageSamples.Random(seed))
            {
                var error = ProtocolValidator.Validate(message);
                if (error is null) continue;
                Assert.Contains(error.Code, ErrorCodes.All);
                Assert.Null(ProtocolValidator.Validate(error)); // the answer itself is a well-formed message
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Error_codes_match_the_agent_protocol_baseline()
    {
        string[] baseline =
        [
            "unauthorized", "invalid-json", "invalid-message", "unknown-type", "frame-too-large", "protocol-unsupported",
            "invalid-hello", "agent-id-in-use", "not-registered", "not-assigned", "stale-fencing-token", "invalid-path",
            "too-many-files", "rate-limited", "shutting-down",
        ];
        Assert.Equal(baseline, ErrorCodes.All.Take(baseline.Length));
        Assert.Equal(ErrorCodes.All.Count, ErrorCodes.All.Distinct().Count());
    }
}
