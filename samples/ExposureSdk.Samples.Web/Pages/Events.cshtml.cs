using System.Globalization;
using ExposureSdk.Events;
using ExposureSdk.Samples.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace ExposureSdk.Samples.Web.Pages;

/// <summary>
/// The events of a date range (<c>from</c>, <c>to</c>: days, yyyy-MM-dd, inclusive, in the pipeline's time zone;
/// by default the 30 days up to the latest refresh) and of a kind (<c>kind</c>), newest first, each linking to its
/// metric or initiative.
/// </summary>
public sealed class EventsModel(DashboardData data) : DashboardPageModel(data)
{
    /// <summary>The longest range one page lists, in days.</summary>
    public const int MaxDays = 366;

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public SecurityEventKind? Kind { get; private set; }

    public IReadOnlyList<SecurityEvent> Events { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? from, string? to, string? kind, CancellationToken cancellationToken)
    {
        if (!TryTakeResult())
        {
            return Page();
        }

        var zone = Data.TimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Result.AsOf, zone).DateTime);
        if (!TryDay(to, today, out var last) || !TryDay(from, last.AddDays(1 - (int)SecurityEventWindows.List.TotalDays), out var first))
        {
            return Show(StatusCodes.Status400BadRequest, "Bad date", $"from, to: '{SafeText.Neutralize(string.IsNullOrWhiteSpace(from) || TryDay(from, today, out _) ? to : from, 100)}' is not valid (expected a day as yyyy-MM-dd).");
        }

        if (first > last)
        {
            return Show(StatusCodes.Status400BadRequest, "Bad range", $"from ({PageText.Day(first)}) is after to ({PageText.Day(last)}).");
        }

        if (last.DayNumber - first.DayNumber >= MaxDays)
        {
            return Show(StatusCodes.Status400BadRequest, "Bad range", $"from, to: the range is longer than {MaxDays} days.");
        }

        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!Enum.TryParse<SecurityEventKind>(kind, ignoreCase: true, out var k) || !Enum.IsDefined(k) || !kind.Any(char.IsAsciiLetter))
            {
                return Show(StatusCodes.Status400BadRequest, "Bad kind", $"kind: '{SafeText.Neutralize(kind, 100)}' is not valid (expected {string.Join(", ", Enum.GetNames<SecurityEventKind>())}).");
            }

            Kind = k;
        }

        (From, To) = (first, last);
        Events = await Data.EventsAsync(Result, Start(first, zone), Start(last.AddDays(1), zone), Kind, cancellationToken);
        return Page();
    }

    private static bool TryDay(string? text, DateOnly fallback, out DateOnly day)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            day = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    private static DateTimeOffset Start(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
