using ExposureSdk.Scoring;

namespace ExposureSdk.Samples.Common;

/// <summary>
/// The recommendation filters of the <c>report</c> command, and of the web sample's <c>/api/report</c> (query
/// parameters of the same names). Each option takes one value or several
/// separated by commas (any-of); all given options must match. States, impacts and domains must be
/// known values; workload and source match by case-insensitive substring; search looks at the id and
/// the name.
/// </summary>
public sealed class RecommendationFilter
{
    private const int QuotedValueMaxLength = 80;

    private readonly HashSet<ComplianceState> _states = [];
    private readonly HashSet<Impact> _impacts = [];
    private readonly HashSet<SecurityDomain> _domains = [];
    private readonly string[] _workloads;
    private readonly string[] _sources;
    private readonly string? _search;

    /// <summary>Parses the filter options.</summary>
    /// <param name="state">States, comma-separated.</param>
    /// <param name="impact">Impacts, comma-separated.</param>
    /// <param name="domain">Security domains, comma-separated.</param>
    /// <param name="workload">Workload substrings, comma-separated.</param>
    /// <param name="source">Recommendation-source substrings, comma-separated.</param>
    /// <param name="search">Text to find in the id or the name.</param>
    /// <param name="top">How many to keep, or null for the default.</param>
    /// <param name="prefix">What comes before an option's name in a message: <c>--</c> for the CLI's options, empty for query parameters.</param>
    /// <exception cref="InputException">A value is not known (the message names the option and the expected values).</exception>
    public RecommendationFilter(string? state, string? impact, string? domain, string? workload, string? source, string? search, int? top, string prefix = "--")
    {
        foreach (var value in Split(state))
        {
            _states.Add(Enum.TryParse<ComplianceState>(value, ignoreCase: true, out var s) && Enum.IsDefined(s)
                ? s
                : throw new InputException($"{prefix}state: unknown value '{Quote(value)}' (expected {string.Join(", ", Enum.GetNames<ComplianceState>())})."));
        }

        foreach (var value in Split(impact))
        {
            _impacts.Add(Enum.TryParse<Impact>(value, ignoreCase: true, out var i) && Enum.IsDefined(i)
                ? i
                : throw new InputException($"{prefix}impact: unknown value '{Quote(value)}' (expected {string.Join(", ", Enum.GetNames<Impact>())})."));
        }

        foreach (var value in Split(domain))
        {
            // Looked up among the well-known names, not parsed: Parse refuses what is not a valid name (too long,
            // control characters) with an ArgumentException, and this value comes from a command line or a URL.
            var known = SecurityDomain.WellKnown.Where(d => string.Equals(d.Name, value, StringComparison.OrdinalIgnoreCase)).ToArray();
            _domains.Add(known.Length == 1
                ? known[0]
                : throw new InputException($"{prefix}domain: unknown value '{Quote(value)}' (expected {string.Join(", ", SecurityDomain.WellKnown)})."));
        }

        _workloads = Split(workload);
        _sources = Split(source);
        _search = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        if (top is < 1)
        {
            throw new InputException($"{prefix}top: must be at least 1 (got {top}).");
        }

        Top = top;
    }

    /// <summary>Gets a filter that keeps every recommendation.</summary>
    public static RecommendationFilter None { get; } = new(null, null, null, null, null, null, null);

    /// <summary>Gets the maximum number of recommendations to show, or null for the format's default.</summary>
    public int? Top { get; }

    /// <summary>Gets a value indicating whether any filter option was given.</summary>
    public bool IsFiltered => _states.Count + _impacts.Count + _domains.Count + _workloads.Length + _sources.Length > 0 || _search is not null;

    /// <summary>Applies the filter and the dashboard order: not compliant first, then by impact, then by unhealthy results, then by name.</summary>
    /// <param name="recommendations">The scored recommendations.</param>
    /// <param name="defaultTop">The limit when <see cref="Top"/> is not given, or null for no limit.</param>
    /// <returns>The matching recommendations, in order, at most the limit.</returns>
    public IReadOnlyList<RecommendationScore> Apply(IEnumerable<RecommendationScore> recommendations, int? defaultTop)
    {
        var matching = recommendations
            .Where(Matches)
            .OrderBy(r => r.State switch { ComplianceState.NotCompliant => 0, ComplianceState.NotAvailable => 1, ComplianceState.MitigatedByOrganization => 2, _ => 3 })
            .ThenByDescending(r => r.Impact)
            .ThenByDescending(r => r.Unhealthy)
            .ThenBy(r => r.Name, StringComparer.Ordinal);
        var limit = Top ?? defaultTop;
        return limit is { } n ? [.. matching.Take(n)] : [.. matching];
    }

    private bool Matches(RecommendationScore r) =>
        (_states.Count == 0 || _states.Contains(r.State))
        && (_impacts.Count == 0 || _impacts.Contains(r.Impact))
        && (_domains.Count == 0 || _domains.Contains(r.Domain))
        && (_workloads.Length == 0 || _workloads.Any(w => r.Workload.Name.Contains(w, StringComparison.OrdinalIgnoreCase)))
        && (_sources.Length == 0 || _sources.Any(s => r.Source.Name.Contains(s, StringComparison.OrdinalIgnoreCase)))
        && (_search is null || r.Name.Contains(_search, StringComparison.OrdinalIgnoreCase) || r.Id.Value.Contains(_search, StringComparison.OrdinalIgnoreCase));

    // The value comes from a command line or a query string: bounded (and made harmless) before it is quoted.
    private static string Quote(string value) => SafeText.Neutralize(value, QuotedValueMaxLength);

    private static string[] Split(string? value) =>
        value is null ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
