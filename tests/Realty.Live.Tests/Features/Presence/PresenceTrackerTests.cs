using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Features.Presence;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Tests.Features.Presence;

/// <summary>Two nodes of a cluster on one real in-process bus, each with its own tracker.</summary>
public sealed class PresenceTrackerTests : IDisposable
{
    private const int Project = 7;
    private const int Unit5 = 5;
    private const int Unit6 = 6;

    private static readonly PresenceSettings Settings = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10));

    private readonly FakeTimeProvider _clock = new(Moments.Start);
    private readonly InProcessEventBus _bus = new(NullLogger<InProcessEventBus>.Instance);
    private readonly List<IDisposable> _cleanUp = [];

    public PresenceTrackerTests()
    {
        NodeA = Node();
        NodeB = Node();
    }

    private PresenceTracker NodeA { get; }

    private PresenceTracker NodeB { get; }

    public void Dispose() => _cleanUp.ForEach(d => d.Dispose());

    [Fact]
    public void AnAgentWithTwoTabsOnAUnitCountsOnce()
    {
        Look(NodeA, People.Wang, Unit5);
        Look(NodeA, People.Wang, Unit5);
        Look(NodeA, People.Li, Unit5);

        Assert.Equal(2, NodeA.Counts(Project)[Unit5]);
    }

    [Fact]
    public void ClosingOneOfTwoTabsKeepsTheAgentLookingUntilTheOtherClosesToo()
    {
        var first = Look(NodeA, People.Wang, Unit5);
        var second = Look(NodeA, People.Wang, Unit5);

        first.At(Project, null);
        Assert.Equal(1, NodeA.Counts(Project)[Unit5]);

        second.At(Project, null);
        Assert.Empty(NodeA.Counts(Project));
    }

    [Fact]
    public void MovingToAnotherUnitMovesTheLook()
    {
        var look = Look(NodeA, People.Wang, Unit5);

        look.At(Project, Unit6);

        Assert.Equal(new Dictionary<int, int> { [Unit6] = 1 }, NodeA.Counts(Project));
    }

    [Fact]
    public void ATabThatGoesTakesItsLookAlong()
    {
        var look = Look(NodeA, People.Wang, Unit5);
        Look(NodeA, People.Li, Unit6);

        look.Dispose();

        Assert.Equal(new Dictionary<int, int> { [Unit6] = 1 }, NodeA.Counts(Project));
    }

    [Fact]
    public async Task LooksOnTwoNodesAreMergedOnBoth()
    {
        Look(NodeA, People.Wang, Unit5);
        Look(NodeB, People.Li, Unit5);
        Look(NodeB, People.Li, Unit6);
        // The same agent on a tablet served by one node and a laptop served by the other: one agent.
        Look(NodeB, People.Wang, Unit5);

        await NodeA.FlushAsync();
        await NodeB.FlushAsync();

        var expected = new Dictionary<int, int> { [Unit5] = 2, [Unit6] = 1 };
        Assert.Equal(expected, NodeA.Counts(Project));
        Assert.Equal(expected, NodeB.Counts(Project));
    }

    [Fact]
    public async Task ALookClosedOnOneNodeDisappearsOnTheOtherAtTheNextFlush()
    {
        var look = Look(NodeA, People.Wang, Unit5);
        await NodeA.FlushAsync();
        Assert.Equal(1, NodeB.Counts(Project)[Unit5]);

        look.At(Project, null);
        Assert.Equal(1, NodeB.Counts(Project)[Unit5]);
        await NodeA.FlushAsync();

        Assert.Empty(NodeB.Counts(Project));
    }

    [Fact]
    public async Task ABusyFloorSendsOneMessagePerProjectPerFlush()
    {
        using var sent = new BusRecorder(_bus);
        var wang = Look(NodeA, People.Wang, Unit5);
        wang.At(Project, Unit6);
        wang.At(Project, 8);
        Look(NodeA, People.Li, Unit5);
        Look(NodeA, People.Li, 9).At(Project, null);
        Look(NodeA, People.Li, 1, project: 99);

        await NodeA.FlushAsync();
        await NodeA.FlushAsync();

        var messages = sent.Of<PresenceChanged>();
        Assert.Equal(2, messages.Count);
        var ours = Assert.Single(messages, m => m.ProjectId == Project);
        Assert.False(ours.Full);
        Assert.Equal(NodeA.Node, ours.Node);
        Assert.Equal(
            [(Unit5, People.Li.Id), (Unit6, ""), (8, People.Wang.Id), (9, "")],
            ours.Units.Select(u => (u.UnitId, string.Join(",", u.AgentIds))));
    }

    [Fact]
    public async Task ASecondTabOfAnAgentAlreadyLookingSendsNothing()
    {
        Look(NodeA, People.Wang, Unit5);
        await NodeA.FlushAsync();
        using var sent = new BusRecorder(_bus);

        Look(NodeA, People.Wang, Unit5);
        await NodeA.FlushAsync();

        Assert.Empty(sent.Of<PresenceChanged>());
    }

    [Fact]
    public async Task ADeadNodesLooksExpireWhenTwoSnapshotsAreMissed()
    {
        Look(NodeA, People.Wang, Unit5);
        await NodeA.FlushAsync();

        // Node A dies: it sends nothing any more, and nobody told B that Wang left.
        _clock.Advance(Settings.ExpireAfter);
        NodeB.Expire();
        Assert.Equal(1, NodeB.Counts(Project)[Unit5]);

        _clock.Advance(TimeSpan.FromSeconds(1));
        NodeB.Expire();
        Assert.Empty(NodeB.Counts(Project));
    }

    [Fact]
    public async Task ALiveNodesSnapshotsKeepItsLooksAlive()
    {
        Look(NodeA, People.Wang, Unit5);
        await NodeA.FlushAsync();

        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(Settings.SnapshotEvery);
            await NodeA.PublishSnapshotAsync();
            NodeB.Expire();
        }

        Assert.Equal(1, NodeB.Counts(Project)[Unit5]);
    }

    [Fact]
    public async Task ASnapshotReplacesWhatTheNodeSaidBeforeSoALostMessageLeavesNoGhost()
    {
        await NodeB.ReceiveAsync(new PresenceChanged(Project, "node-x", [new UnitLookers(Unit5, [People.Wang.Id])], Full: false));

        // Wang's leaving was lost on the way; the next snapshot of node x no longer has him.
        await NodeB.ReceiveAsync(new PresenceChanged(Project, "node-x", [new UnitLookers(Unit6, [People.Li.Id])], Full: true));

        Assert.Equal(new Dictionary<int, int> { [Unit6] = 1 }, NodeB.Counts(Project));
    }

    [Fact]
    public async Task ANodeIgnoresItsOwnReportsComingBack()
    {
        var look = Look(NodeA, People.Wang, Unit5);
        await NodeA.FlushAsync();

        look.At(Project, null);
        await NodeA.ReceiveAsync(new PresenceChanged(Project, NodeA.Node, [new UnitLookers(Unit5, [People.Wang.Id])], Full: true));

        Assert.Empty(NodeA.Counts(Project));
    }

    [Fact]
    public async Task ListenersHearOfChangesAtTheFlushNotBefore()
    {
        var heard = 0;
        using var _ = NodeB.Subscribe(Project, () => Interlocked.Increment(ref heard));
        Look(NodeA, People.Wang, Unit5);
        await NodeA.FlushAsync();
        await Task.Delay(100);
        Assert.Equal(0, Volatile.Read(ref heard));

        await NodeB.FlushAsync();

        await Until(() => Volatile.Read(ref heard) == 1);
    }

    [Fact]
    public void ThePresenceMessageCrossesABrokerAsJson()
    {
        BoardMessage message = new PresenceChanged(Project, "node-a", [new UnitLookers(Unit5, [People.Wang.Id, People.Li.Id])], Full: true);

        var back = Assert.IsType<PresenceChanged>(JsonSerializer.Deserialize<BoardMessage>(JsonSerializer.Serialize(message)));

        Assert.Equal((Project, "node-a", true), (back.ProjectId, back.Node, back.Full));
        Assert.Equal([People.Wang.Id, People.Li.Id], Assert.Single(back.Units).AgentIds);
    }

    [Fact]
    public async Task TheRelaySendsOnItsOwnTimerAndTheOtherNodeHearsThroughTheBus()
    {
        var relayA = new PresenceRelay(_bus, NodeA, _clock, NullLogger<PresenceRelay>.Instance);
        _cleanUp.Add(relayA);
        await relayA.StartAsync(CancellationToken.None);
        Look(NodeA, People.Wang, Unit5);

        _clock.Advance(Settings.FlushEvery);

        await Until(() => NodeB.Counts(Project).GetValueOrDefault(Unit5) == 1);
    }

    [Fact]
    public async Task TheRelayStopsCleanlyWhenTheHostDisposesItTwice()
    {
        var relay = new PresenceRelay(_bus, NodeA, _clock, NullLogger<PresenceRelay>.Instance);
        await relay.StartAsync(CancellationToken.None);

        relay.Dispose();
        relay.Dispose();
        await relay.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TheUnitBoardsDoNotHearPresence()
    {
        await using var app = new ServiceHarness();
        var heard = new Heard();
        using var _ = app.Boards.Subscribe(Project, heard.Add);

        Assert.False(await app.Boards.ApplyAsync(new PresenceChanged(Project, "node-x", [new UnitLookers(Unit5, [People.Wang.Id])], Full: true)));
        await Task.Delay(100);
        Assert.Empty(heard.Messages);
    }

    private PresenceTracker Node()
    {
        var node = new PresenceTracker(_bus, _clock, Settings);
        _cleanUp.Add(_bus.Subscribe(node.ReceiveAsync));
        _cleanUp.Add(node);
        return node;
    }

    /// <summary>A tab of the agent's, with the unit's sheet open.</summary>
    private PresenceLook Look(PresenceTracker node, Web.Domain.Actor agent, int unitId, int project = Project)
    {
        var look = node.Watch(agent.Id);
        look.At(project, unitId);
        _cleanUp.Add(look);
        return look;
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Not reached in 5 s.");
            await Task.Delay(10);
        }
    }
}
