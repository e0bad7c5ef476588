using System.Globalization;
using System.Text;

namespace ExposureSdk.Benchmarks.Dataset;

/// <summary>
/// What a rollup engine produced for a <see cref="RollupDataset"/>: per metric the scope and affected
/// asset counts and the score (null when unavailable), per initiative the score (null when absent).
/// Every engine of the comparison fills one of these so their answers can be compared.
/// </summary>
public sealed class RollupResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="engine">The engine's name, for messages.</param>
    /// <param name="scope">Assets in scope, per metric.</param>
    /// <param name="affected">Affected assets, per metric.</param>
    /// <param name="metricScores">Metric score 0–100 per metric, null when the metric is unavailable.</param>
    /// <param name="initiativeScores">Initiative score 0–100 per initiative, null when absent.</param>
    /// <exception cref="ArgumentException">The metric arrays differ in length.</exception>
    public RollupResult(string engine, long[] scope, long[] affected, double?[] metricScores, double?[] initiativeScores)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(engine);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(affected);
        ArgumentNullException.ThrowIfNull(metricScores);
        ArgumentNullException.ThrowIfNull(initiativeScores);
        if (scope.Length != affected.Length || scope.Length != metricScores.Length)
        {
            throw new ArgumentException("The per-metric arrays differ in length.", nameof(metricScores));
        }

        Engine = engine;
        Scope = scope;
        Affected = affected;
        MetricScores = metricScores;
        InitiativeScores = initiativeScores;
    }

    /// <summary>The engine's name.</summary>
    public string Engine { get; }

    /// <summary>Assets in scope, per metric.</summary>
    public long[] Scope { get; }

    /// <summary>Affected assets, per metric.</summary>
    public long[] Affected { get; }

    /// <summary>Metric score per metric, null when unavailable.</summary>
    public double?[] MetricScores { get; }

    /// <summary>Initiative score per initiative, null when absent.</summary>
    public double?[] InitiativeScores { get; }

    /// <summary>
    /// Lists the differences from another result: counts must be equal, scores equal within
    /// <paramref name="tolerance"/> points (engines sum in different orders), absent on both sides or on neither.
    /// </summary>
    /// <param name="other">The other engine's result.</param>
    /// <param name="tolerance">Largest accepted difference between two scores, in points.</param>
    /// <param name="limit">At most this many differences are listed.</param>
    /// <returns>One line per difference; empty when the results agree.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public IReadOnlyList<string> Differences(RollupResult other, double tolerance = 1e-9, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(other);
        var differences = new List<string>();
        void Add(string line)
        {
            if (differences.Count < limit)
            {
                differences.Add(line);
            }
        }

        if (Scope.Length != other.Scope.Length)
        {
            Add($"{Engine} has {Scope.Length} metrics, {other.Engine} has {other.Scope.Length}.");
        }

        if (InitiativeScores.Length != other.InitiativeScores.Length)
        {
            Add($"{Engine} has {InitiativeScores.Length} initiatives, {other.Engine} has {other.InitiativeScores.Length}.");
        }

        for (var m = 0; m < Math.Min(Scope.Length, other.Scope.Length); m++)
        {
            if (Scope[m] != other.Scope[m] || Affected[m] != other.Affected[m])
            {
                Add($"metric {m}: {Engine} affected/scope {Affected[m]}/{Scope[m]}, {other.Engine} {other.Affected[m]}/{other.Scope[m]}");
            }

            if (!SameScore(MetricScores[m], other.MetricScores[m], tolerance))
            {
                Add($"metric {m}: {Engine} score {Format(MetricScores[m])}, {other.Engine} {Format(other.MetricScores[m])}");
            }
        }

        for (var i = 0; i < Math.Min(InitiativeScores.Length, other.InitiativeScores.Length); i++)
        {
            if (!SameScore(InitiativeScores[i], other.InitiativeScores[i], tolerance))
            {
                Add($"initiative {i}: {Engine} score {Format(InitiativeScores[i])}, {other.Engine} {Format(other.InitiativeScores[i])}");
            }
        }

        return differences;
    }

    /// <summary>A one-line digest (sums of counts and scores) to show that a run computed something.</summary>
    /// <returns>The digest.</returns>
    public string Digest()
    {
        var builder = new StringBuilder();
        var available = MetricScores.Count(s => s.HasValue);
        var scored = InitiativeScores.Count(s => s.HasValue);
        builder.Append(CultureInfo.InvariantCulture, $"metrics available {available}/{MetricScores.Length}, Σscope {Scope.Sum()}, Σaffected {Affected.Sum()}, ");
        builder.Append(CultureInfo.InvariantCulture, $"initiatives scored {scored}/{InitiativeScores.Length}, mean initiative score {(scored == 0 ? "-" : InitiativeScores.Where(s => s.HasValue).Average(s => s!.Value).ToString("F4", CultureInfo.InvariantCulture))}");
        return builder.ToString();
    }

    private static bool SameScore(double? a, double? b, double tolerance) =>
        a.HasValue == b.HasValue && (!a.HasValue || Math.Abs(a.Value - b!.Value) <= tolerance);

    private static string Format(double? score) => score?.ToString("R", CultureInfo.InvariantCulture) ?? "absent";
}
