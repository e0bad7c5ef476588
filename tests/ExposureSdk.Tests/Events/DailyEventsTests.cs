using ExposureSdk.Events;

namespace ExposureSdk.Tests.Events;

/// <summary>
/// The calendar day of an event (domain rules §4: one event per subject, kind and calendar day, in the configured
/// time zone) when the zone's midnight is skipped or happens twice.
/// </summary>
public sealed class DailyEventsTests
{
    /// <summary>
    /// A zone like America/Havana, written out so the test does not depend on the system's time zone data: UTC−5,
    /// daylight time (UTC−4) from the second Sunday of March at 00:00 (midnight is skipped: 00:00 → 01:00) to the
    /// first Sunday of November at 01:00 (clocks go back to 00:00: midnight happens twice).
    /// </summary>
    internal static readonly TimeZoneInfo MidnightSkippedAndRepeated = TimeZoneInfo.CreateCustomTimeZone(
        "Test/MidnightSkippedAndRepeated",
        TimeSpan.FromHours(-5),
        "Midnight skipped and repeated",
        "Standard",
        "Daylight",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                new DateTime(2000, 1, 1),
                new DateTime(2099, 12, 31),
                TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 0, 0, 0), 3, 2, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 1, 0, 0), 11, 1, DayOfWeek.Sunday)),
        ]);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void DayBounds_MidnightHappensTwice_TheDayStartsAtTheFirstMidnight_ForEveryInstantOfTheDay()
    {
        // 2026-11-01: 00:00 daylight time is 04:00 UTC; at 05:00 UTC (01:00 daylight) clocks go back to 00:00.
        var zone = MidnightSkippedAndRepeated;
        zone.IsAmbiguousTime(new DateTime(2026, 11, 1, 0, 30, 0)).Should().BeTrue("the test zone repeats the first hour of 2026-11-01");
        var expected = (Utc(11, 1, 4), Utc(11, 2, 5));

        foreach (var instant in new[] { Utc(11, 1, 4), Utc(11, 1, 4, 30), Utc(11, 1, 5, 30), Utc(11, 1, 12), Utc(11, 2, 4, 59) })
        {
            ScoreDropDetector.LocalDate(instant, zone).Should().Be(new DateOnly(2026, 11, 1));
            DailyEvents.DayBounds(instant, zone).Should().Be(expected, $"{instant:O} is on 2026-11-01 in the zone, which starts at its first midnight");
        }

        DailyEvents.DayBounds(Utc(11, 1, 3, 59), zone).Should().Be((Utc(10, 31, 4), Utc(11, 1, 4)), "the day before ends where 2026-11-01 starts");
    }

    [Fact]
    public void DayBounds_MidnightIsSkipped_TheDayStartsAtItsFirstValidTime()
    {
        // 2026-03-08: 00:00 standard time (05:00 UTC) becomes 01:00 daylight time; the day has 23 hours.
        var zone = MidnightSkippedAndRepeated;
        DailyEvents.DayBounds(Utc(3, 8, 12), zone).Should().Be((Utc(3, 8, 5), Utc(3, 9, 4)));
        DailyEvents.DayBounds(Utc(3, 8, 4, 59), zone).Should().Be((Utc(3, 7, 5), Utc(3, 8, 5)));
        DailyEvents.DayBounds(Utc(3, 8, 5), zone).Should().Be((Utc(3, 8, 5), Utc(3, 9, 4)));
    }

    [Fact]
    public void DayBounds_InUtc_AreTheUtcDay()
    {
        DailyEvents.DayBounds(new DateTimeOffset(2026, 11, 21, 23, 59, 59, TimeSpan.FromHours(2)), TimeZoneInfo.Utc)
            .Should().Be((Utc(11, 21, 0), Utc(11, 22, 0)));
    }
}
