using System.Globalization;
using ExposureSdk.Samples.Web.Hosting;
using ExposureSdk.Scoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;

namespace ExposureSdk.Samples.Web.Pages.Recommendations;

/// <summary>
/// The recommendations list: every field of the portal's list (name, state, impact, last calculated, last state
/// change, related initiatives and metrics, source, workload, domain), a filter on each, sorting, paging and
/// search. Everything is in the query string, so a view can be shared: <c>state</c>, <c>impact</c>,
/// <c>domain</c>, <c>source</c>, <c>workload</c> (each may be given several times: any of them),
/// <c>initiative</c>, <c>metric</c>, <c>calculated-from</c>, <c>calculated-to</c>, <c>changed-from</c>,
/// <c>changed-to</c> (days, yyyy-MM-dd, inclusive), <c>q</c> (in the id, name or description), <c>sort</c>,
/// <c>dir</c> (asc, desc), <c>page</c>, <c>size</c>. A bad value is a 400 page naming the parameter.
/// </summary>
public sealed class IndexModel(DashboardData data) : DashboardPageModel(data)
{
    /// <summary>The sort keys, in the order of the columns.</summary>
    public static readonly IReadOnlyList<string> SortKeys = ["priority", "name", "state", "impact", "last-calculated", "last-state-change", "initiatives", "metrics", "source", "workload", "domain"];

    /// <summary>The page sizes offered.</summary>
    public static readonly IReadOnlyList<int> PageSizes = [10, 25, 50, 100];

    /// <summary>Gets the matching recommendations of the current page.</summary>
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Gets how many match.</summary>
    public int Total { get; private set; }

    /// <summary>Gets the current page (from 1).</summary>
    public int PageNumber { get; private set; } = 1;

    /// <summary>Gets the page size.</summary>
    public int PageSize { get; private set; } = 25;

    /// <summary>Gets the number of pages (at least 1).</summary>
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>Gets the sort key.</summary>
    public string Sort { get; private set; } = "priority";

    /// <summary>Gets a value indicating whether the order is descending.</summary>
    public bool Descending { get; private set; }

    /// <summary>Gets the values each filter can take in this tenant (sources, workloads, initiatives, metrics present).</summary>
    public FilterChoices Choices { get; private set; } = FilterChoices.Empty;

    public IActionResult OnGet()
    {
        if (!TryTakeResult())
        {
            return Page();
        }

        var report = Result.Report;
        var details = Result.Snapshot.Recommendations.ToDictionary(r => r.Id);
        var initiativeNames = report.Initiatives.ToDictionary(i => i.Id, i => i.Name);
        var metricNames = report.Metrics.ToDictionary(m => m.Id, m => m.Name);
        Choices = new FilterChoices(
            [.. report.Recommendations.Select(r => r.Source.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.OrdinalIgnoreCase)],
            [.. report.Recommendations.Select(r => r.Workload.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.OrdinalIgnoreCase)],
            [.. report.Initiatives.OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase).Select(i => (i.Id.Value, i.Name))],
            [.. report.Metrics.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).Select(m => (m.Id.Value, m.Name))]);

        IEnumerable<RecommendationScore> rows = report.Recommendations;
        try
        {
            var states = Enums<ComplianceState>("state");
            var impacts = Enums<Impact>("impact");
            var domains = Values("domain").Select(v => SecurityDomain.Parse(v) is { IsWellKnown: true } d ? d : throw Bad("domain", v, string.Join(", ", SecurityDomain.WellKnown))).ToHashSet();
            var sources = Values("source").ToHashSet(StringComparer.Ordinal);
            var workloads = Values("workload").ToHashSet(StringComparer.Ordinal);
            var initiative = Param("initiative") is { } i ? (report.FindInitiative(i) ?? throw Bad("initiative", i, "an initiative id of this tenant")) : null;
            var metric = Param("metric") is { } m ? (report.FindMetric(m) ?? throw Bad("metric", m, "a metric id of this tenant")) : null;
            var (calculatedFrom, calculatedTo) = (Date("calculated-from"), Date("calculated-to"));
            var (changedFrom, changedTo) = (Date("changed-from"), Date("changed-to"));
            var text = Param("q");
            Sort = Param("sort") is { } sort ? (SortKeys.Contains(sort) ? sort : throw Bad("sort", sort, string.Join(", ", SortKeys))) : "priority";
            Descending = Param("dir") switch
            {
                null or "asc" => false,
                "desc" => true,
                var other => throw Bad("dir", other, "asc, desc"),
            };
            PageSize = Number("size", 25, 1, 500);
            PageNumber = Number("page", 1, 1, int.MaxValue);
            var initiativeMembers = initiative is null ? null : MembersOf(report, initiative);

            rows = rows.Where(r =>
                (states.Count == 0 || states.Contains(r.State))
                && (impacts.Count == 0 || impacts.Contains(r.Impact))
                && (domains.Count == 0 || domains.Contains(r.Domain))
                && (sources.Count == 0 || sources.Contains(r.Source.Name))
                && (workloads.Count == 0 || workloads.Contains(r.Workload.Name))
                && (initiativeMembers is null || initiativeMembers.Contains(r.Id))
                && (metric is null || r.MetricIds.Contains(metric.Id))
                && InRange(details[r.Id].LastCalculated, calculatedFrom, calculatedTo)
                && InRange(details[r.Id].LastStateChange, changedFrom, changedTo)
                && (text is null
                    || r.Id.Value.Contains(text, StringComparison.OrdinalIgnoreCase)
                    || r.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                    || (details[r.Id].Description?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)));
        }
        catch (BadFilterException ex)
        {
            return Show(StatusCodes.Status400BadRequest, "Bad filter", ex.Message);
        }

        var ordered = Order(rows, details).ToList();
        Total = ordered.Count;
        Rows = [.. ordered
            .Skip((int)Math.Min(int.MaxValue, (long)(PageNumber - 1) * PageSize))
            .Take(PageSize)
            .Select(r => new Row(r, details[r.Id], [.. r.InitiativeIds.Select(id => (id.Value, initiativeNames.GetValueOrDefault(id, id.Value)))], [.. r.MetricIds.Select(id => (id.Value, metricNames.GetValueOrDefault(id, id.Value)))]))];
        return Page();
    }

    /// <summary>The link to this list with one parameter changed (null removes it), keeping every other filter.</summary>
    public string With(string name, string? value)
    {
        var query = Request.Query.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (value is null)
        {
            query.Remove(name);
        }
        else
        {
            query[name] = value;
        }

        if (name != "page")
        {
            query.Remove("page");
        }

        return "/recommendations" + Microsoft.AspNetCore.Http.QueryString.Create(query.SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v))));
    }

    /// <summary>The link that sorts by a column: ascending, or descending when it is already the ascending sort; filters kept, back to page 1.</summary>
    public string SortLink(string key)
    {
        var query = Request.Query
            .Where(p => p.Key is not ("sort" or "dir" or "page"))
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v)))
            .Append(KeyValuePair.Create("sort", (string?)key));
        if (Sort == key && !Descending)
        {
            query = query.Append(KeyValuePair.Create("dir", (string?)"desc"));
        }

        return "/recommendations" + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }

    /// <summary>Whether a filter holds a value (for the selected options).</summary>
    public bool Has(string name, string value) => Request.Query[name].Contains(value, StringComparer.Ordinal);

    /// <summary>A filter's single value, or null.</summary>
    public string? Param(string name) => Request.Query.TryGetValue(name, out var v) && v.Count > 0 && !string.IsNullOrWhiteSpace(v[^1]) ? v[^1]!.Trim() : null;

    private static HashSet<RecommendationId> MembersOf(ScoreReport report, InitiativeScore initiative)
    {
        var set = new HashSet<RecommendationId>(initiative.RecommendationIds);
        foreach (var m in initiative.Metrics)
        {
            if (report.FindMetric(m.MetricId) is { } metric)
            {
                set.UnionWith(metric.RecommendationIds);
            }
        }

        return set;
    }

    private static bool InRange(DateTimeOffset? value, DateOnly? from, DateOnly? to)
    {
        if (from is null && to is null)
        {
            return true;
        }

        if (value is not { } v)
        {
            return false;
        }

        var day = DateOnly.FromDateTime(v.UtcDateTime);
        return (from is null || day >= from) && (to is null || day <= to);
    }

    private static BadFilterException Bad(string name, string value, string expected) =>
        new($"{name}: '{SafeText.Neutralize(value, 200)}' is not valid (expected {expected}).");

    private IEnumerable<RecommendationScore> Order(IEnumerable<RecommendationScore> rows, Dictionary<RecommendationId, Recommendation> details)
    {
        IOrderedEnumerable<RecommendationScore> By<TKey>(Func<RecommendationScore, TKey> key, IComparer<TKey>? comparer = null) =>
            Descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);

        if (Sort == "priority")
        {
            // The dashboard's order (the CLI's): not compliant first, then impact, then unhealthy results, then name.
            var priority = RecommendationFilter.None.Apply(rows, null);
            return Descending ? priority.Reverse() : priority;
        }

        var ordered = Sort switch
        {
            "state" => By(r => (int)r.State),
            "impact" => By(r => (int)r.Impact),
            "last-calculated" => By(r => details[r.Id].LastCalculated ?? DateTimeOffset.MinValue),
            "last-state-change" => By(r => details[r.Id].LastStateChange ?? DateTimeOffset.MinValue),
            "initiatives" => By(r => r.InitiativeIds.Count),
            "metrics" => By(r => r.MetricIds.Count),
            "source" => By(r => r.Source.Name, StringComparer.OrdinalIgnoreCase),
            "workload" => By(r => r.Workload.Name, StringComparer.OrdinalIgnoreCase),
            "domain" => By(r => r.Domain.Name, StringComparer.OrdinalIgnoreCase),
            _ => By(r => r.Name, StringComparer.OrdinalIgnoreCase),
        };
        return ordered.ThenBy(r => r.Id.Value, StringComparer.Ordinal);
    }

    private HashSet<T> Enums<T>(string name)
        where T : struct, Enum =>
        Values(name).Select(v => Enum.TryParse<T>(v, ignoreCase: true, out var e) && Enum.IsDefined(e) && v.Any(char.IsAsciiLetter) ? e : throw Bad(name, v, string.Join(", ", Enum.GetNames<T>()))).ToHashSet();

    private IEnumerable<string> Values(string name) =>
        Request.Query.TryGetValue(name, out StringValues values)
            ? values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            : [];

    private DateOnly? Date(string name) =>
        Param(name) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw Bad(name, text, "a day as yyyy-MM-dd");

    private int Number(string name, int fallback, int min, int max) =>
        Param(name) is not { } text ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n
        : throw Bad(name, text, max == int.MaxValue ? $"a whole number of at least {min}" : $"a whole number from {min} to {max}");

    /// <summary>One row of the list.</summary>
    public sealed record Row(RecommendationScore Score, Recommendation Details, IReadOnlyList<(string Id, string Name)> Initiatives, IReadOnlyList<(string Id, string Name)> Metrics);

    /// <summary>The values the filters offer.</summary>
    public sealed record FilterChoices(IReadOnlyList<string> Sources, IReadOnlyList<string> Workloads, IReadOnlyList<(string Id, string Name)> Initiatives, IReadOnlyList<(string Id, string Name)> Metrics)
    {
        public static FilterChoices Empty { get; } = new([], [], [], []);
    }

    private sealed class BadFilterException(string message) : Exception(message);
}
