using ExposureSdk.Events;
using ExposureSdk.Pipeline;

namespace ExposureSdk.Tests.Pipeline;

/// <summary>
/// Issue 17 §5, clock faults: a wall clock that jumps backwards, a daylight-saving change in the configured time
/// zone, and two refreshes in the same instant. No duplicate day, no lost day, and no event from a comparison with
/// the wrong day. Time is a <see cref="FakeTimeProvider"/>; the wall clock's jumps are an offset on top of it (the
/// monotonic timestamps and timers keep running forward, as a real clock's do when NTP steps the wall time).
/// </summary>
public sealed class ClockFaultTests
{
    private static readonly DateTimeOffset Day1 = PipelineFixture.Day1; // 2026-11-20 06:00 UTC
    private static readonly DateTimeOffset Day2 = Day1.AddDays(1);

    [Fact]
    public async Task ClockJumpsBackIntoAnEarlierDay_TheRefreshIsOrderedAfterTheLatestCard_NoEventFromTheWrongDay()
    {
        var f = new PipelineFixture();
        var wall = new WallClock(f.Clock);
        var pipeline = Pipeline(f, wall);
        await RefreshAsync(pipeline); // day 1: m-identity 50
        f.Clock.SetUtcNow(Day2);
        f.SetGraph(unhealthyUsers: 7); // day 2: m-identity 30, a real 20-point drop
        var day2 = await RefreshAsync(pipeline);
        day2.EventChanges.Should().Contain(c => c.Transition == SecurityEventTransition.Raised && c.Event.SubjectId == "m-identity");

        // NTP steps the wall clock back 10 hours, to 20:00 the day before.
        f.Clock.Advance(TimeSpan.FromMinutes(5));
        wall.Offset = TimeSpan.FromHours(-10);
        var back = await RefreshAsync(pipeline);

        back.AsOf.Should().BeAfter(day2.AsOf, "a refresh is never recorded before the latest card: its data is today's");
        back.Warnings.Should().Contain(w => w.Contains("went backwards", StringComparison.Ordinal));
        back.Baseline!.AsOf.Should().Be(Day1, "it compares with the day before the latest card's day, not with the wrong day");
        back.EventChanges.Should().BeEmpty("the day's drop is unchanged: not withdrawn, not raised again");

        // The clock is put right; the next refresh of day 2 keeps the day's event.
        wall.Offset = TimeSpan.Zero;
        f.Clock.Advance(TimeSpan.FromHours(1));
        var later = await RefreshAsync(pipeline);

        later.Baseline!.AsOf.Should().Be(Day1);
        later.EventChanges.Should().BeEmpty("no withdrawal from comparing day 2 with day 2's data stored under day 1");
        var cards = await f.History.GetCardsAsync("contoso", DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        cards.Select(c => c.AsOf).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        cards.Count(c => Date(c.AsOf) == Date(Day1)).Should().Be(1, "day 1 holds only its own card: day 2's data was not stored under day 1");
        (await f.History.GetEventsAsync("contoso", Day2.Date, Day2.Date.AddDays(1))).Should().ContainSingle(e => e.Kind == SecurityEventKind.MetricScoreDrop && e.SubjectId == "m-identity");
    }

    [Fact]
    public async Task ClockJumpsBackWithinTheDay_TheRefreshIsRecordedAfterTheLatestCard_AndIsTheLatest()
    {
        var f = new PipelineFixture();
        var wall = new WallClock(f.Clock);
        var pipeline = Pipeline(f, wall);
        f.Clock.SetUtcNow(Day1.AddHours(4)); // 10:00
        await RefreshAsync(pipeline);

        wall.Offset = TimeSpan.FromMinutes(-45); // 09:15 on the wall
        f.SetGraph(unhealthyUsers: 1);
        var back = await RefreshAsync(pipeline);

        back.AsOf.Should().Be(Day1.AddHours(4).AddTicks(1));
        (await f.History.GetLatestCardAsync("contoso"))!.FindMetric("m-identity")!.Score.Should().BeApproximately(90, 1e-9, "the latest card holds the latest data");
    }

    [Fact]
    public async Task TwoRefreshesInTheSameInstant_AreBothRecordedInOrder_AndTheNextDayComparesWithTheLater()
    {
        var f = new PipelineFixture();
        var pipeline = Pipeline(f, f.Clock);
        var first = await RefreshAsync(pipeline); // m-identity 50
        f.SetGraph(unhealthyUsers: 7);
        var second = await RefreshAsync(pipeline); // same instant, m-identity 30

        second.AsOf.Should().BeAfter(first.AsOf, "two refreshes never share a time, so the later state is the later card");
        second.Baseline.Should().BeNull("a card of the same day is never a baseline");
        second.Events.Should().BeEmpty();

        f.Clock.SetUtcNow(Day2);
        var next = await RefreshAsync(pipeline); // still 30

        next.Baseline!.AsOf.Should().Be(second.AsOf);
        next.Events.Should().NotContain(e => e.Kind == SecurityEventKind.MetricScoreDrop, "yesterday ended at 30: comparing with the first card would be a false drop");
        (await f.History.GetCardsAsync("contoso", DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Should().HaveCount(3);
    }

    [Theory]
    [InlineData("Europe/Paris", "2026-03-28", 5)] // spring forward on 2026-03-29: 02:00 → 03:00, a 23-hour day
    [InlineData("Europe/Paris", "2026-10-24", 5)] // fall back on 2026-10-25: 03:00 → 02:00, a 25-hour day
    [InlineData("America/Santiago", "2026-09-04", 5)] // 2026-09-06: midnight is skipped (00:00 → 01:00)
    [InlineData("America/New_York", "2026-11-07", 3)] // fall back on 2026-11-01 already passed: an ordinary week
    public async Task DaylightSavingChange_EveryLocalDayHasItsCards_EachComparedWithThePreviousLocalDay_OneEventPerDay(string zoneId, string firstDate, int days)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var first = DateOnly.Parse(firstDate, System.Globalization.CultureInfo.InvariantCulture);
        var start = Utc(first, new TimeOnly(0, 30), zone);
        var f = new PipelineFixture();
        var clock = new FakeTimeProvider(start);
        var pipeline = Pipeline(f, clock, zoneId);
        var results = new List<RefreshResult>();

        // Every hour from 00:30 on the first local day to the last: 23, 24 or 25 refreshes a day. The score falls
        // 10 points at each local noon, so each day has one real drop, compared with the previous day's last card.
        var unhealthy = 0;
        for (var now = start; Local(now, zone) < first.AddDays(days); now = now.AddHours(1))
        {
            clock.SetUtcNow(now);
            if (Local(now, zone) > first && LocalTime(now, zone).Hour == 12)
            {
                unhealthy++;
            }

            f.SetGraph(unhealthyUsers: unhealthy);
            results.Add(await RefreshAsync(pipeline));
        }

        var byDay = results.GroupBy(r => Local(r.AsOf, zone)).ToList();
        byDay.Select(g => g.Key).Should().Equal(Enumerable.Range(0, days).Select(d => first.AddDays(d)), "no lost day and no day twice");
        foreach (var day in byDay.Skip(1))
        {
            var hours = (int)Math.Round((Utc(day.Key.AddDays(1), TimeOnly.MinValue, zone) - Utc(day.Key, TimeOnly.MinValue, zone)).TotalHours);
            day.Count().Should().Be(hours, $"{day.Key} has {hours} hours in {zoneId}, one refresh each");
            day.Should().OnlyContain(r => Local(r.Baseline!.AsOf, zone) == day.Key.AddDays(-1), $"every refresh of {day.Key} compares with the day before");
            var yesterdaysLast = byDay.Single(g => g.Key == day.Key.AddDays(-1)).Last().AsOf;
            day.Should().OnlyContain(r => r.Baseline!.AsOf == yesterdaysLast, "with the latest card of that day");
            var raised = day.SelectMany(r => r.EventChanges).Where(c => c.Transition == SecurityEventTransition.Raised && c.Event.SubjectId == "m-identity").ToList();
            raised.Should().ContainSingle($"one drop of m-identity is raised on {day.Key}, once");
            raised[0].Event.Drop.Should().BeApproximately(10, 1e-9, "10 points since yesterday's last card");
            var (dayStart, dayEnd) = (Utc(day.Key, TimeOnly.MinValue, zone), Utc(day.Key.AddDays(1), TimeOnly.MinValue, zone));
            (await f.History.GetEventsAsync("contoso", dayStart, dayEnd, SecurityEventKind.MetricScoreDrop)).Count(e => e.SubjectId == "m-identity")
                .Should().Be(1, $"one stored drop of m-identity on {day.Key}");
        }
    }

    [Fact]
    public async Task DailyRefreshAtAFixedUtcTime_AcrossSpringForward_TheLocalDayWithoutACardIsBridged_NoLostComparison()
    {
        // 22:30 UTC is 23:30 in Paris in winter and 00:30 the next day in summer: 2026-03-29 gets no card.
        var f = new PipelineFixture();
        var start = new DateTimeOffset(2026, 3, 26, 22, 30, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        var pipeline = Pipeline(f, clock, "Europe/Paris");
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var results = new List<RefreshResult>();
        var unhealthy = 0;
        for (var now = start; now.Month == 3; now = now.AddDays(1))
        {
            clock.SetUtcNow(now);
            f.SetGraph(unhealthyUsers: unhealthy++);
            results.Add(await RefreshAsync(pipeline));
        }

        results.Select(r => Local(r.AsOf, zone)).Should().Equal(
            [new(2026, 3, 26), new(2026, 3, 27), new(2026, 3, 28), new(2026, 3, 30), new(2026, 3, 31), new(2026, 4, 1)],
            "the refresh of 2026-03-29 22:30 UTC is already 2026-03-30 in Paris");
        foreach (var r in results.Skip(1))
        {
            r.Baseline.Should().NotBeNull("a day without a card is bridged by the 48-hour fallback");
            (r.AsOf - r.Baseline!.AsOf).Should().Be(TimeSpan.FromDays(1), "each comparison is with the card 24 hours earlier");
            r.EventChanges.Should().ContainSingle(c => c.Transition == SecurityEventTransition.Raised && c.Event.SubjectId == "m-identity")
                .Which.Event.Drop.Should().BeApproximately(10, 1e-9);
        }
    }

    private static ExposureRefreshPipeline Pipeline(PipelineFixture f, TimeProvider clock, string zone = "UTC")
    {
        var options = PipelineFixture.Options();
        options.ScoreDrop.TimeZoneId = zone;
        options.ProviderTimeouts["graph"] = TimeSpan.FromHours(1);
        return new ExposureRefreshPipeline([f.Graph, f.Cloud], f.History, options, timeProvider: clock);
    }

    private static Task<RefreshResult> RefreshAsync(ExposureRefreshPipeline pipeline) => pipeline.RefreshAsync().WaitAsync(TimeSpan.FromSeconds(30));

    private static DateOnly Date(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    private static DateOnly Local(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private static TimeOnly LocalTime(DateTimeOffset instant, TimeZoneInfo zone) => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The UTC instant of a local date and time (the first valid instant at or after it when it is skipped).</summary>
    private static DateTimeOffset Utc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>A wall clock that can be stepped back or forward (<see cref="Offset"/>) on top of a fake clock whose timestamps and timers keep running.</summary>
    private sealed class WallClock(FakeTimeProvider inner) : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

        public override long GetTimestamp() => inner.GetTimestamp();

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => inner.CreateTimer(callback, state, dueTime, period);
    }
}
