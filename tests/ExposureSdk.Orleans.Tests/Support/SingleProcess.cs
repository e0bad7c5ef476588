using ExposureSdk.Demo;
using ExposureSdk.Events;
using ExposureSdk.History;
using ExposureSdk.Pipeline;
using ExposureSdk.ScoreCards;
using Microsoft.Extensions.Time.Testing;

namespace ExposureSdk.Orleans.Tests.Support;

/// <summary>What one process computes for the same tenants and days: the reference the cluster must equal.</summary>
internal static class SingleProcess
{
    public static async Task<Reference> RunAsync(TestWorld world, IReadOnlyList<string> tenants, int days)
    {
        var store = new InMemoryScoreHistoryStore();
        var clock = new FakeTimeProvider(TestWorld.DayTime(0, days));
        var pipelines = tenants.ToDictionary(
            t => t,
            t => new ExposureRefreshPipeline([new DemoTenantSourceProvider(world.Demo(t))], store, new ExposureRefreshPipelineOptions { TenantId = t }, timeProvider: clock),
            StringComparer.Ordinal);
        for (var day = 0; day < days; day++)
        {
            clock.SetUtcNow(TestWorld.DayTime(day, days));
            foreach (var tenant in tenants)
            {
                await pipelines[tenant].RefreshAsync();
            }
        }

        return await Reference.ReadAsync(store, tenants, days);
    }
}

/// <summary>The cards and events a history store holds for some tenants over the test's days.</summary>
internal sealed record Reference(IReadOnlyDictionary<string, IReadOnlyList<ScoreCard>> Cards, IReadOnlyDictionary<string, IReadOnlyList<SecurityEvent>> Events)
{
    public int CardCount => Cards.Values.Sum(c => c.Count);

    public int EventCount => Events.Values.Sum(e => e.Count);

    public static async Task<Reference> ReadAsync(IScoreHistoryStore store, IReadOnlyList<string> tenants, int days)
    {
        var since = TestWorld.DayTime(0, days).AddDays(-1);
        var until = TestWorld.DayTime(days - 1, days).AddDays(1);
        var cards = new Dictionary<string, IReadOnlyList<ScoreCard>>(StringComparer.Ordinal);
        var events = new Dictionary<string, IReadOnlyList<SecurityEvent>>(StringComparer.Ordinal);
        foreach (var tenant in tenants)
        {
            cards[tenant] = await store.GetCardsAsync(tenant, since, until);
            events[tenant] = await store.GetEventsAsync(tenant, since, until);
        }

        return new Reference(cards, events);
    }

    /// <summary>One key per event: tenant, kind, subject, UTC day, and the exact bits of its scores.</summary>
    public static string Key(string tenant, SecurityEvent e) => FormattableString.Invariant(
        $"{tenant}|{e.Kind}|{e.SubjectId}|{e.Date.UtcDateTime:yyyy-MM-dd}|{Bits(e.PreviousScore)}|{Bits(e.CurrentScore)}");

    /// <summary>The same key for an event read through a tenant grain.</summary>
    public static string Key(ExposureSdk.Orleans.Views.SecurityEventView e) => FormattableString.Invariant(
        $"{e.TenantId}|{e.Kind}|{e.SubjectId}|{e.Date.UtcDateTime:yyyy-MM-dd}|{Bits(e.PreviousScore)}|{Bits(e.CurrentScore)}");

    /// <summary>One key per subject and day (rules §4: at most one event each).</summary>
    public static string DayKey(string tenant, SecurityEvent e) => FormattableString.Invariant($"{tenant}|{e.Kind}|{e.SubjectId}|{e.Date.UtcDateTime:yyyy-MM-dd}");

    /// <summary>Events stored here and not in <paramref name="expected"/> (false), and subjects with more than one event a day (duplicates).</summary>
    public (int False, int Duplicates, int Missing) Compare(Reference expected)
    {
        var mine = Events.SelectMany(kv => kv.Value.Select(e => Key(kv.Key, e))).ToList();
        var theirs = expected.Events.SelectMany(kv => kv.Value.Select(e => Key(kv.Key, e))).ToHashSet(StringComparer.Ordinal);
        var mineSet = mine.ToHashSet(StringComparer.Ordinal);
        var duplicates = Events.SelectMany(kv => kv.Value.Select(e => DayKey(kv.Key, e))).GroupBy(k => k, StringComparer.Ordinal).Sum(g => g.Count() - 1);
        return (mine.Count(k => !theirs.Contains(k)), duplicates, theirs.Count(k => !mineSet.Contains(k)));
    }

    private static string Bits(double? value) => value is { } v ? BitConverter.DoubleToInt64Bits(v).ToString("X16", System.Globalization.CultureInfo.InvariantCulture) : "null";
}
