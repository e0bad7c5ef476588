using System.Text;
using CsCheck;
using ExposureSdk.Tests.Support;
using Xunit.Abstractions;

namespace ExposureSdk.Tests.Snapshots;

/// <summary>
/// The snapshot document round-trips (issue 17 §8, a CsCheck property): any snapshot, with every optional
/// field present or absent and text from the whole of Unicode (control characters, quotes and backslashes,
/// bidi and zero-width characters, characters outside the BMP), written compact or indented, reads back
/// equal, field for field, and writes again to the same bytes; a stream read in small chunks gives the same.
/// A snapshot with a security domain the document cannot hold is refused by the writer instead. Text is
/// well-formed UTF-16: what the model does with a lone surrogate is decided elsewhere (issue 17).
/// </summary>
public sealed class SnapshotDocumentPropertyTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WriteThenRead_AnySnapshot_ReadsBackEqualAndRewritesTheSameBytes()
    {
        var gen = Gen.Select(Snapshot, Gen.Bool, Gen.Int[1, 64]);
        var refused = 0;
        gen.Check(
            c =>
            {
                var (original, indented, chunk) = c;
                var options = new SnapshotWriteOptions { Indented = indented };
                if (original.Recommendations.Any(r => !r.Domain.IsWellKnown) || original.Metrics.Any(m => m.Selector?.Domains.Any(d => !d.IsWellKnown) == true))
                {
                    // The document holds only the six well-known domains: the writer refuses the others.
                    FluentActions.Invoking(() => SnapshotDocument.WriteToUtf8Bytes(original, options)).Should().Throw<ArgumentException>().WithMessage("*security domain 'x-*");
                    Interlocked.Increment(ref refused);
                    return;
                }

                var first = SnapshotDocument.WriteToUtf8Bytes(original, options);

                var read = SnapshotDocument.Read(first);
                read.Should().BeEquivalentTo(original, o => o.WithStrictOrdering());
                SnapshotDocument.WriteToUtf8Bytes(read, options).Should().Equal(first);

                using var stream = new TrickleStream(first, chunk);
                SnapshotDocument.WriteToUtf8Bytes(SnapshotDocument.Read(stream), options).Should().Equal(first, $"reading in {chunk}-byte chunks");
            },
            iterations: 200,
            output,
            c => Print(c.Item1));
        refused.Should().BeLessThan(150, "most generated snapshots must be written and read back");
    }

    private static string Print(ExposureSnapshot snapshot)
    {
        try
        {
            return Encoding.UTF8.GetString(SnapshotDocument.WriteToUtf8Bytes(snapshot, new SnapshotWriteOptions { Indented = false }));
        }
        catch (ArgumentException ex)
        {
            return $"(not writable: {ex.Message}) {snapshot.Recommendations.Count} recommendations";
        }
    }

    /// <summary>One character: mostly plain, often one JSON escapes or that is unusual; surrogate pairs come whole.</summary>
    private static Gen<string> Character { get; } = Gen.Frequency(
        (8, Gen.Char['a', 'z'].Select(c => c.ToString())),
        (2, Gen.Char[' ', '~'].Select(c => c.ToString())),
        (1, Gen.OneOf("\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", "\0", "\u0001", "\u001f", "\u007f", "<", ">", "&", "'", "+")),
        (1, Gen.OneOf("é", "ü", "中", "ß", "\u00a0", "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\ufffd", "\uffff", "\u0085", "\u2028")),
        (1, Gen.Char['\u0080', '\ud7ff'].Select(c => c.ToString())),
        (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)));

    /// <summary>Text of 0 to 24 characters.</summary>
    private static Gen<string> Text { get; } = Character.Array[0, 24].Select(string.Concat);

    /// <summary>An identifier or name: never empty or white space (a leading letter), at most 512 characters.</summary>
    private static Gen<string> Name { get; } = Gen.Select(Gen.Char['a', 'z'], Text, (c, t) => c + t);

    private static Gen<string[]> Names(int max) => Name.Array[0, max].Select(a => a.Distinct(StringComparer.Ordinal).ToArray());

    private static Gen<DateTimeOffset> Time { get; } =
        Gen.Select(Gen.Long[0, TimeSpan.TicksPerDay * 3650], Gen.Int[-14 * 4, 14 * 4], (ticks, quarters) => new DateTimeOffset(Epoch.Ticks + ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(15 * quarters)));

    private static Gen<T?> Optional<T>(Gen<T> gen)
        where T : struct
        => Gen.Frequency((1, Gen.Const((T?)null)), (2, gen.Select(v => (T?)v)));

    private static Gen<string?> OptionalText(Gen<string> gen) => Gen.Frequency((1, Gen.Const((string?)null)), (2, gen.Select(v => (string?)v)));

    private static Gen<double> Points { get; } = Gen.Frequency(
        (3, Gen.Int[0, 100].Select(i => (double)i)),
        (2, Gen.Double[0, 1100]),
        (1, Gen.OneOf(0d, double.Epsilon, 1e-300, 1020.13, 1e300, double.MaxValue)));

    private static Gen<Recommendation> Recommendation(string id) =>
        from name in Name
        from source in Gen.Frequency((2, Gen.OneOf(RecommendationSource.MicrosoftSecureScore, RecommendationSource.CisBenchmark)), (1, Name.Select(n => (RecommendationSource)("x-" + n))))
        from workload in Gen.Frequency((2, Gen.OneOf(Workload.MicrosoftEntraId, Workload.Okta)), (1, Name.Select(n => (Workload)("x-" + n))))
        from domain in Gen.Frequency((40, Gen.OneOf([.. SecurityDomain.WellKnown])), (1, Name.Select(n => (SecurityDomain)("x-" + n))))
        from impact in Gen.Enum<Impact>()
        from description in OptionalText(Text)
        from steps in Names(3)
        from url in OptionalText(Name.Select(n => "https://example.com/" + Uri.EscapeDataString(n)))
        from maxPoints in Optional(Points)
        from state in Optional(Gen.Enum<ComplianceState>())
        from riskAccepted in Gen.Bool
        from lastCalculated in Optional(Time)
        from lastStateChange in Optional(Time)
        from threats in Names(3)
        from tags in Names(3)
        from counts in Optional(Gen.Long[0, 1_000_000_000_000].SelectMany(total => Gen.Long[0, total].Select(affected => new ResultCounts(affected, total))))
        select new Recommendation(id, name, source, workload, domain, impact, description, steps, url is null ? null : new Uri(url), maxPoints, state, riskAccepted,
            lastCalculated, lastStateChange, threats, tags, counts);

    private static Gen<Asset> Asset(string id) =>
        from kind in Gen.Frequency((3, Gen.OneOf([.. AssetKind.WellKnown])), (1, Name.Select(n => (AssetKind)("x-" + n))))
        from name in OptionalText(Text)
        from criticality in Optional(Gen.Enum<AssetCriticality>())
        from tags in Names(3)
        select new Asset(id, kind, name, criticality, tags);

    private static Gen<ExposureSnapshot> Snapshot { get; } =
        from tenant in Name
        from asOf in Time
        from recIds in Names(6)
        from recs in All(recIds.Select(Recommendation))
        from assetIds in Names(6)
        from assets in All(assetIds.Select(Asset))
        from extraAssets in Names(3)
        from assessments in Gen.Select(Gen.Int[0, 3].Array[recIds.Length * (assetIds.Length + extraAssets.Length)], statuses => Assessments(recIds, [.. assetIds.Concat(extraAssets).Distinct(StringComparer.Ordinal)], statuses))
        from metrics in Metrics(recIds)
        from initiatives in Initiatives(recIds, metrics.Select(m => m.Id.Value).ToArray())
        select new ExposureSnapshot(tenant, asOf, recs, assets, assessments, metrics, initiatives);

    /// <summary>One value of each generator, in order.</summary>
    private static Gen<T[]> All<T>(IEnumerable<Gen<T>> gens)
    {
        var all = Gen.Const(Array.Empty<T>());
        foreach (var gen in gens)
        {
            all = all.SelectMany(done => gen.Select(next => (T[])[.. done, next]));
        }

        return all;
    }

    private static Assessment[] Assessments(string[] recIds, string[] assetIds, int[] statuses)
    {
        var list = new List<Assessment>();
        for (var r = 0; r < recIds.Length; r++)
        {
            for (var a = 0; a < assetIds.Length; a++)
            {
                var roll = statuses[(r * assetIds.Length) + a];
                if (roll < 3)
                {
                    list.Add(new Assessment(recIds[r], assetIds[a], (AssessmentStatus)roll));
                }
            }
        }

        return [.. list];
    }

    private static Gen<Metric[]> Metrics(string[] recIds) =>
        from ids in Names(4)
        from metrics in All(ids.Select(id =>
            from name in Name
            from weight in Gen.Enum<MetricWeight>()
            from members in Gen.Bool.Array[recIds.Length]
            from selector in Gen.Frequency((1, Gen.Const((MetricSelector?)null)), (1, Selector))
            from description in OptionalText(Text)
            select new Metric(id, name, weight, recIds.Where((_, i) => members[i]).Select(r => (RecommendationId)r).ToArray(), selector, description)))
        select metrics;

    private static Gen<MetricSelector?> Selector { get; } =
        from domains in Gen.Frequency((40, Gen.OneOf([.. SecurityDomain.WellKnown])), (1, Name.Select(n => (SecurityDomain)("x-" + n)))).Array[0, 3]
        from workloads in Name.Select(n => (Workload)("x-" + n)).Array[0, 2]
        from sources in Name.Select(n => (RecommendationSource)("x-" + n)).Array[0, 2]
        from threats in Names(2)
        from tags in Names(2)
        from impacts in Gen.Enum<Impact>().Array[0, 3]
        select (MetricSelector?)new MetricSelector(domains.Distinct(), workloads.Distinct(), sources.Distinct(), threats, tags, impacts.Distinct());

    private static Gen<Initiative[]> Initiatives(string[] recIds, string[] metricIds) =>
        from ids in Names(4)
        from initiatives in All(ids.Select(id =>
            from name in Name
            from kind in Gen.Enum<InitiativeKind>()
            from metrics in Gen.Bool.Array[metricIds.Length]
            from recs in Gen.Bool.Array[recIds.Length]
            from target in Optional(Gen.Frequency((2, Gen.Int[0, 100].Select(i => (double)i)), (1, Gen.Double[0, 100])))
            from favorite in Gen.Bool
            from description in OptionalText(Text)
            select new Initiative(id, name, kind, metricIds.Where((_, i) => metrics[i]).Select(m => (MetricId)m).ToArray(), recIds.Where((_, i) => recs[i]).Select(r => (RecommendationId)r).ToArray(), target, favorite, description)))
        select initiatives;
}
