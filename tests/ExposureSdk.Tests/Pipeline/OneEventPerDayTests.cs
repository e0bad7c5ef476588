using ExposureSdk.Events;
using ExposureSdk.History;
using ExposureSdk.Pipeline;

namespace ExposureSdk.Tests.Pipeline;

/// <summary>
/// Domain rules §4 (Decision): one event per subject, kind and calendar day. A later refresh of the day updates the
/// day's event in place or withdraws it; subscribers see each transition once; the store keeps each day's final state.
/// </summary>
public sealed class OneEventPerDayTests
{
    private static readonly DateTimeOffset Day2 = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    private static async Task<(PipelineFixture Fixture, ExposureRefreshPipeline Pipeline)> AfterDay1Async(IScoreHistoryStore? store = null)
    {
        var f = new PipelineFixture(store);
        var pipeline = f.CreatePipeline();
        await f.RefreshAsync(pipeline); // m-identity 50 on day 1
        return (f, pipeline);
    }

    private static IEnumerable<SecurityEventChange> Changes(PipelineFixture f) => f.Published.SelectMany(r => r.EventChanges);

    private static SecurityEvent Single(IEnumerable<SecurityEvent> events, SecurityEventKind kind, string subject) =>
        events.Should().ContainSingle(e => e.Kind == kind && e.SubjectId == subject).Subject;

    [Fact]
    public async Task OneEventPerSubjectKindAndDay_24HourlyRefreshesWithTheSameDrop_StoreOneEventAndRaiseItOnce()
    {
        var (f, pipeline) = await AfterDay1Async();
        f.SetGraph(unhealthyUsers: 7); // m-identity 30: a 20-point drop all day

        for (var hour = 0; hour < 24; hour++)
        {
            f.Clock.SetUtcNow(Day2.AddHours(hour));
            var result = await f.RefreshAsync(pipeline);
            result.Events.Should().Contain(e => e.Kind == SecurityEventKind.MetricScoreDrop && e.SubjectId == "m-identity", $"hour {hour} compares with yesterday too");
        }

        var stored = await f.History.GetEventsAsync("contoso", Day2, Day2.AddDays(1));
        var first = f.Published[1].Events;
        stored.Select(e => (e.Kind, e.SubjectId)).Should().BeEquivalentTo(first.Select(e => (e.Kind, e.SubjectId)), "one stored event per subject and kind, not 24");
        Single(stored, SecurityEventKind.MetricScoreDrop, "m-identity").Date.Should().Be(Day2, "the unchanged event keeps the time it was raised");
        Changes(f).Should().OnlyContain(c => c.Transition == SecurityEventTransition.Raised);
        Changes(f).Should().HaveCount(first.Count, "each event is raised once, by the first refresh of the day");
        f.Published.Skip(2).Should().OnlyContain(r => r.EventChanges.Count == 0);
    }

    [Fact]
    public async Task OneEventPerSubjectKindAndDay_DropThatRecoversAt1500_IsWithdrawn()
    {
        var (f, pipeline) = await AfterDay1Async();
        f.SetGraph(unhealthyUsers: 7);
        for (var hour = 9; hour < 15; hour++)
        {
            f.Clock.SetUtcNow(Day2.AddHours(hour));
            await f.RefreshAsync(pipeline);
        }

        f.SetGraph(unhealthyUsers: 5); // back to yesterday's 50 at 15:00
        f.Clock.SetUtcNow(Day2.AddHours(15));
        var recovered = await f.RefreshAsync(pipeline);

        recovered.Events.Should().BeEmpty();
        var withdrawn = recovered.EventChanges.Should().Contain(c => c.Event.SubjectId == "m-identity").Subject;
        withdrawn.Transition.Should().Be(SecurityEventTransition.Withdrawn);
        withdrawn.Event.Drop.Should().BeApproximately(20, 1e-9, "the withdrawn event as it stood");
        recovered.EventChanges.Should().OnlyContain(c => c.Transition == SecurityEventTransition.Withdrawn);
        (await f.History.GetEventsAsync("contoso", Day2, Day2.AddDays(1))).Should().BeEmpty("the day's final state has no drop");
        Changes(f).Where(c => c.Event.SubjectId == "m-identity").Select(c => c.Transition)
            .Should().Equal(SecurityEventTransition.Raised, SecurityEventTransition.Withdrawn);

        f.Clock.SetUtcNow(Day2.AddHours(16));
        (await f.RefreshAsync(pipeline)).EventChanges.Should().BeEmpty("a withdrawal is told once");
    }

    [Fact]
    public async Task OneEventPerSubjectKindAndDay_DropThatDeepens_IsUpdatedAndCarriesTheLatestDrop()
    {
        var (f, pipeline) = await AfterDay1Async();
        f.SetGraph(unhealthyUsers: 7); // 30: drop 20
        f.Clock.SetUtcNow(Day2.AddHours(8));
        await f.RefreshAsync(pipeline);
        f.SetGraph(unhealthyUsers: 9); // 10: drop 40
        f.Clock.SetUtcNow(Day2.AddHours(12));

        var deeper = await f.RefreshAsync(pipeline);

        var update = deeper.EventChanges.Should().ContainSingle(c => c.Event.Kind == SecurityEventKind.MetricScoreDrop && c.Event.SubjectId == "m-identity").Subject;
        update.Transition.Should().Be(SecurityEventTransition.Updated);
        update.Previous!.Drop.Should().BeApproximately(20, 1e-9);
        update.Event.Drop.Should().BeApproximately(40, 1e-9);
        update.Event.CurrentScore.Should().BeApproximately(10, 1e-9);
        update.DayStart.Should().Be(Day2);
        update.DayEnd.Should().Be(Day2.AddDays(1));
        var stored = Single(await f.History.GetEventsAsync("contoso", Day2, Day2.AddDays(1)), SecurityEventKind.MetricScoreDrop, "m-identity");
        stored.Drop.Should().BeApproximately(40, 1e-9, "the store keeps the day's final state");
        stored.Date.Should().Be(Day2.AddHours(12));
        Changes(f).Where(c => c.Event.SubjectId == "m-identity").Select(c => c.Transition)
            .Should().Equal(SecurityEventTransition.Raised, SecurityEventTransition.Updated);
    }

    [Fact]
    public async Task OneEventPerSubjectKindAndDay_NextDay_RaisesAgain()
    {
        var (f, pipeline) = await AfterDay1Async();
        f.SetGraph(unhealthyUsers: 7);
        f.Clock.SetUtcNow(Day2.AddHours(8));
        await f.RefreshAsync(pipeline);
        f.SetGraph(unhealthyUsers: 9);
        f.Clock.SetUtcNow(Day2.AddDays(1).AddHours(8)); // compared with day 2's latest card

        var day3 = await f.RefreshAsync(pipeline);

        day3.EventChanges.Should().Contain(c => c.Transition == SecurityEventTransition.Raised && c.Event.SubjectId == "m-identity");
        (await f.History.GetEventsAsync("contoso", Day2, Day2.AddDays(2), SecurityEventKind.MetricScoreDrop))
            .Count(e => e.SubjectId == "m-identity").Should().Be(2, "one per day");
    }

    [Fact]
    public async Task OneEventPerSubjectKindAndDay_SourceFailsLaterInTheDay_KeepsTheDaysEvent()
    {
        var (f, pipeline) = await AfterDay1Async();
        f.SetGraph(unhealthyUsers: 7);
        f.Clock.SetUtcNow(Day2.AddHours(8));
        await f.RefreshAsync(pipeline);
        f.Graph.Fault = Support.ProviderFault.Throws;
        f.Clock.SetUtcNow(Day2.AddHours(9));

        var failed = await f.RefreshAsync(pipeline);

        failed.EventChanges.Where(c => c.Event.SubjectId == "m-identity").Should().BeEmpty("missing data says nothing about the drop");
        Single(await f.History.GetEventsAsync("contoso", Day2, Day2.AddDays(1)), SecurityEventKind.MetricScoreDrop, "m-identity").Drop.Should().BeApproximately(20, 1e-9);
    }

    [Fact]
    public async Task OneEventPerSubjectKindAndDay_InAZoneWhoseMidnightHappensTwice_TheDaysFirstHourIsPartOfTheDay()
    {
        // 2026-11-01 in the test zone: 00:00 daylight time is 04:00 UTC; at 05:00 UTC clocks go back to 00:00. A drop
        // raised at 00:30 (the first one) and still there at 07:00 is one event of that day, not two.
        var f = new PipelineFixture();
        var options = PipelineFixture.Options();
        options.ScoreDrop.TimeZone = Events.DailyEventsTests.MidnightSkippedAndRepeated;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 31, 16, 0, 0, TimeSpan.Zero));
        var pipeline = new ExposureRefreshPipeline([f.Graph, f.Cloud], f.History, options, [], clock);
        await f.RefreshAsync(pipeline); // m-identity 50 on 2026-10-31
        f.SetGraph(unhealthyUsers: 7); // m-identity 30

        var firstHalfPast = new DateTimeOffset(2026, 11, 1, 4, 30, 0, TimeSpan.Zero);
        clock.SetUtcNow(firstHalfPast);
        var early = await f.RefreshAsync(pipeline);
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        var later = await f.RefreshAsync(pipeline);

        early.EventChanges.Should().ContainSingle(c => c.Event.SubjectId == "m-identity").Which.Transition.Should().Be(SecurityEventTransition.Raised);
        later.Events.Should().Contain(e => e.Kind == SecurityEventKind.MetricScoreDrop && e.SubjectId == "m-identity");
        later.EventChanges.Should().NotContain(c => c.Event.SubjectId == "m-identity", "the day's event was raised at 00:30 and has not changed");
        var stored = await f.History.GetEventsAsync("contoso", new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 2, 5, 0, 0, TimeSpan.Zero), SecurityEventKind.MetricScoreDrop);
        stored.Should().ContainSingle(e => e.SubjectId == "m-identity").Which.Date.Should().Be(firstHalfPast);
    }
}
