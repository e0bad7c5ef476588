
namespace ExposureSdk.Demo;

/// <summary>
/// A deterministic, realistic demo tenant for samples, tests and documentation: about 5,000 assets
/// (workstations, Macs, servers, phones, users, administrators, service accounts, guests, Azure resources,
/// OAuth apps, SharePoint sites and teams), about 150 recommendations over the 26 well-known workloads
/// from Microsoft Secure Score, Microsoft Defender for Cloud, Microsoft Defender Vulnerability Management
/// and CIS benchmarks, scored with the built-in catalog (<see cref="Catalog.ExposureCatalog.BuiltIn"/>: its
/// metrics and 13 predefined initiatives), and one snapshot per day for the history before today.
/// </summary>
/// <remarks>
/// <para>
/// Rules: the tenant is a pure function of <see cref="DemoTenantOptions"/>: the same seed, reference
/// instant, history length and asset count give the same snapshots, bit for bit, on every machine
/// (the generator is a seeded <see cref="Random"/>; the clock is never read). Snapshots are built on
/// demand, so a tenant costs a few megabytes however long its history is.
/// </para>
/// <para>
/// The history drifts plausibly: every recommendation has its own share of unhealthy assets that
/// improves slowly with noise; some days bring regressions (a new vulnerability, a misconfiguration)
/// that are remediated over the following days; a few assets join the organization during the history
/// and are less healthy in their first days. Regressions of several sizes give metric and initiative
/// score drops both above and below the 2-point event threshold. Today always brings a browser
/// zero-day (Google Chrome update) and a new threat-analytics initiative, so a dashboard shows events;
/// nine days ago a ransomware threat-analytics initiative appeared. No source of this tenant assesses
/// IoT or OT devices, so the Enterprise IoT and OT Security initiatives are unavailable (no score).
/// </para>
/// <para>
/// Every snapshot holds the metrics and initiatives of <see cref="Catalog.ExposureCatalog.BuiltIn"/>,
/// applied with <see cref="Catalog.ExposureCatalog.ApplyTo"/> exactly as the runtime applies the catalog
/// to a real tenant: the demo defines no metric of its own, so its scores are what a real tenant with
/// these recommendations would see. Its recommendations carry the tag conventions the catalog's selectors
/// read (<c>cis-m365</c>, <c>ransomware</c>, <c>critical-asset</c>, <c>internet-facing</c>,
/// <c>vulnerability</c>). The organization's own settings are five initiatives' target scores and
/// favorites, which change no score; the threat-analytics initiatives come with the snapshot, as a
/// source publishes them.
/// </para>
/// </remarks>
public sealed class DemoTenant
{
    private const double NotApplicableFrom = 0.985;
    private const double NewAssetPenalty = 0.35;
    private const int NewAssetDays = 3;

    private readonly DemoOrganization _organization;
    private readonly DemoRecommendationSpec[] _specs;
    private readonly int[][] _population;
    private readonly float[][] _draws;
    private readonly double[][] _unhealthyShare;
    private readonly int[] _countTotals;
    private readonly int[] _lastChangeDay;
    private readonly int[] _calculationMinutes;
    private readonly Lazy<ExposureSnapshot> _today;

    private DemoTenant(DemoTenantOptions options)
    {
        TenantId = options.TenantId;
        Seed = options.Seed;
        AsOf = options.AsOf.ToUniversalTime();
        HistoryDays = options.HistoryDays;

        var random = new Random(options.Seed);
        _organization = DemoOrganization.Generate(random, options.AssetCount, HistoryDays);
        _specs = [.. DemoRecommendationCatalog.All];
        var scale = options.AssetCount / (double)DemoTenantOptions.DefaultAssetCount;

        _population = new int[_specs.Length][];
        _draws = new float[_specs.Length][];
        _unhealthyShare = new double[_specs.Length][];
        _countTotals = new int[_specs.Length];
        _lastChangeDay = new int[_specs.Length];
        _calculationMinutes = new int[_specs.Length];
        for (var r = 0; r < _specs.Length; r++)
        {
            var spec = _specs[r];
            _population[r] = spec.Roles.SelectMany(role => _organization.ByRole[role]).ToArray();
            _draws[r] = new float[_population[r].Length];
            for (var i = 0; i < _draws[r].Length; i++)
            {
                _draws[r][i] = (float)random.NextDouble();
            }

            _countTotals[r] = spec.CountTotal > 20 ? Math.Max(1, (int)Math.Round(spec.CountTotal * scale)) : spec.CountTotal;
            _calculationMinutes[r] = random.Next(5, 300);
            _unhealthyShare[r] = Drift(random, spec, HistoryDays, out _lastChangeDay[r]);
        }

        _today = new Lazy<ExposureSnapshot>(() => Build(HistoryDays), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the tenant id written into every snapshot.</summary>
    public string TenantId { get; }

    /// <summary>Gets the seed the tenant was generated from.</summary>
    public int Seed { get; }

    /// <summary>Gets the instant of today's snapshot (UTC).</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Gets how many daily snapshots precede today's (so there are <c>HistoryDays + 1</c> in all).</summary>
    public int HistoryDays { get; }

    /// <summary>Gets the number of assets that exist on any day of the history.</summary>
    public int AssetCount => _organization.Assets.Length;

    /// <summary>Gets today's snapshot (built once, on first use).</summary>
    public ExposureSnapshot Today => _today.Value;

    /// <summary>Creates the demo tenant.</summary>
    /// <param name="options">The options; null for the defaults (seed 1729, 5,000 assets, 60 days before 2026-11-21T06:00:00Z).</param>
    /// <returns>The tenant; generating it takes a few tens of milliseconds.</returns>
    /// <exception cref="ArgumentException">The history length or the asset count is out of range, or the tenant id is empty or white space (the message names each invalid option).</exception>
    public static DemoTenant Create(DemoTenantOptions? options = null)
    {
        options ??= new DemoTenantOptions();
        options.ThrowIfInvalid();
        return new DemoTenant(options);
    }

    /// <summary>Creates the demo tenant for a seed, with the other options at their defaults.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>The tenant.</returns>
    public static DemoTenant Create(int seed) => Create(new DemoTenantOptions { Seed = seed });

    /// <summary>Gets the snapshot of a day of the history.</summary>
    /// <param name="daysAgo">0 for today, 1 for yesterday, up to <see cref="HistoryDays"/>.</param>
    /// <returns>The snapshot, taken at <see cref="AsOf"/> minus <paramref name="daysAgo"/> days; built on each call (except today's).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="daysAgo"/> is negative or greater than <see cref="HistoryDays"/>.</exception>
    public ExposureSnapshot GetSnapshot(int daysAgo)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(daysAgo);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(daysAgo, HistoryDays);
        return daysAgo == 0 ? Today : Build(HistoryDays - daysAgo);
    }

    /// <summary>Enumerates the snapshots of the last <paramref name="days"/> days and today, oldest first, building each on demand.</summary>
    /// <param name="days">How many days before today to start; null for the whole history.</param>
    /// <returns><c>days + 1</c> snapshots, one per day, ending with <see cref="Today"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative or greater than <see cref="HistoryDays"/>.</exception>
    public IEnumerable<ExposureSnapshot> GetHistory(int? days = null)
    {
        var count = days ?? HistoryDays;
        ArgumentOutOfRangeException.ThrowIfNegative(count, nameof(days));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, HistoryDays, nameof(days));
        return Enumerate(count);
    }

    private IEnumerable<ExposureSnapshot> Enumerate(int count)
    {
        for (var daysAgo = count; daysAgo >= 0; daysAgo--)
        {
            yield return GetSnapshot(daysAgo);
        }
    }

    /// <summary>The daily share of unhealthy results of one recommendation, indexed by history day (0 = oldest, last = today).</summary>
    private static double[] Drift(Random random, DemoRecommendationSpec spec, int historyDays, out int preHistoryChangeDay)
    {
        var days = historyDays + 1;
        var share = new double[days];
        preHistoryChangeDay = -1 - random.Next(120);

        if (spec.Roles.Count == 0 && spec.CountTotal == 1)
        {
            // A tenant-wide setting: on or off, sometimes switched during the history.
            var off = spec.FailRate > 0 ? random.NextDouble() < spec.FailRate : random.NextDouble() < 0.3;
            var switchDay = random.NextDouble() < 0.25 ? 1 + random.Next(historyDays) : -1;
            for (var d = 0; d < days; d++)
            {
                share[d] = (off ^ (switchDay >= 0 && d >= switchDay)) ? 1 : 0;
            }

            return share;
        }

        var level = spec.FailRate * (0.7 + (0.6 * random.NextDouble()));
        var improving = random.NextDouble() < 0.4;
        var noise = 0.0;
        var spikes = new List<(int Day, double Size)>();
        var spikeCount = random.NextDouble() switch { < 0.1 => 2, < 0.45 => 1, _ => 0 };
        for (var k = 0; k < spikeCount; k++)
        {
            var size = 0.01 + (0.11 * random.NextDouble() * random.NextDouble());
            spikes.Add((1 + random.Next(historyDays - 1 > 0 ? historyDays - 1 : 1), size));
        }

        if (spec.Id == "mdvm-update-chrome")
        {
            // Today's browser zero-day: a large share of browsers is suddenly out of date.
            spikes.Add((historyDays, 0.24));
        }

        for (var d = 0; d < days; d++)
        {
            noise = (0.85 * noise) + (0.002 * Gaussian(random));
            var trend = improving ? level * 0.35 * (historyDays - d) / historyDays : 0;
            var spike = 0.0;
            foreach (var (day, size) in spikes)
            {
                if (d >= day)
                {
                    spike += size * Math.Pow(0.62, d - day);
                }
            }

            share[d] = Math.Clamp(level + trend + noise + spike, 0.002, 0.95);
        }

        return share;
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Sin(2.0 * Math.PI * u2);
    }

    private ExposureSnapshot Build(int day)
    {
        var asOf = AsOf.AddDays(day - HistoryDays);
        var firstDay = _organization.FirstDay;
        var assets = new List<Asset>(_organization.Assets.Length);
        for (var a = 0; a < _organization.Assets.Length; a++)
        {
            if (firstDay[a] <= day)
            {
                assets.Add(_organization.Assets[a]);
            }
        }

        var recommendations = new Recommendation[_specs.Length];
        var assessments = new List<Assessment>(_population.Sum(p => p.Length));
        for (var r = 0; r < _specs.Length; r++)
        {
            var spec = _specs[r];
            var share = _unhealthyShare[r][day];
            ResultCounts? counts = null;
            if (spec.IsCountOnly)
            {
                if (_countTotals[r] > 0)
                {
                    var total = _countTotals[r];
                    counts = new ResultCounts((long)Math.Round(total * share), total);
                }
            }
            else
            {
                var population = _population[r];
                var draws = _draws[r];
                for (var i = 0; i < population.Length; i++)
                {
                    var asset = population[i];
                    if (firstDay[asset] > day)
                    {
                        continue;
                    }

                    var draw = draws[i];
                    AssessmentStatus status;
                    if (draw >= NotApplicableFrom)
                    {
                        status = AssessmentStatus.NotApplicable;
                    }
                    else
                    {
                        var threshold = firstDay[asset] > 0 && day - firstDay[asset] < NewAssetDays ? share + NewAssetPenalty : share;
                        status = draw < Math.Min(threshold, NotApplicableFrom - 0.01) ? AssessmentStatus.Unhealthy : AssessmentStatus.Healthy;
                    }

                    assessments.Add(new Assessment(spec.Id, _organization.Assets[asset].Id, status));
                }
            }

            var lastChange = AsOf.AddDays(LastChangeBefore(r, day) - HistoryDays);
            recommendations[r] = new Recommendation(
                spec.Id,
                spec.Name,
                spec.Source,
                spec.Workload,
                spec.Domain,
                spec.Impact,
                spec.Description,
                spec.Steps,
                DemoRecommendationCatalog.ManageUrl(spec.Workload),
                spec.MaxPoints,
                state: spec.Id == "mdo-safe-links" ? ComplianceState.MitigatedByOrganization : null,
                isRiskAccepted: spec.Id == "intune-windows-hello",
                lastCalculated: asOf.AddMinutes(-_calculationMinutes[r]),
                lastStateChange: lastChange,
                threats: spec.Threats,
                tags: spec.Tags,
                counts: counts);
        }

        // What the sources report (no metrics), then the built-in catalog, as the runtime does for a real tenant.
        var reported = new ExposureSnapshot(
            TenantId,
            asOf,
            recommendations,
            assets,
            assessments,
            [],
            DemoPostureModel.ThreatAnalyticsOn(HistoryDays - day));
        return DemoPostureModel.Catalog.ApplyTo(reported);
    }

    /// <summary>The last day, at or before <paramref name="day"/>, on which the recommendation's share changed noticeably (a day before the history if none).</summary>
    private int LastChangeBefore(int r, int day)
    {
        var share = _unhealthyShare[r];
        for (var d = day; d > 0; d--)
        {
            if (Math.Abs(share[d] - share[d - 1]) > 0.005)
            {
                return d;
            }
        }

        return _lastChangeDay[r];
    }
}
