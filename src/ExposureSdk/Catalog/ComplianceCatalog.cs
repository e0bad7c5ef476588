using System.Globalization;
using System.Text;

namespace ExposureSdk.Catalog;

/// <summary>
/// Builds the opt-in compliance initiatives of <see cref="ExposureCatalog.WithComplianceInitiatives"/>:
/// one initiative per framework named by the recommendations' <c>compliance-section:</c> tags
/// (<see cref="ComplianceTags"/>), one metric per section.
/// </summary>
internal static class ComplianceCatalog
{
    /// <summary>At most this many frameworks and sections per framework are turned into initiatives and metrics (hostile input cannot grow a catalog without bound).</summary>
    public const int MaxFrameworks = 256;

    /// <inheritdoc cref="MaxFrameworks"/>
    public const int MaxSectionsPerFramework = 256;

    public static (List<Metric> Metrics, List<Initiative> Initiatives) Build(IEnumerable<Recommendation> recommendations, Func<string, bool>? includeFramework)
    {
        // framework (as first written) → its sections; frameworks compare case-insensitively, like tags.
        var frameworks = new SortedDictionary<string, SortedSet<int>>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var recommendation in recommendations)
        {
            if (recommendation is null)
            {
                throw new ArgumentNullException(nameof(recommendations), $"recommendations[{index}] is null.");
            }

            foreach (var tag in recommendation.Tags)
            {
                if (!ComplianceTags.TryParseSection(tag, out var framework, out var section)
                    || (includeFramework is not null && !includeFramework(framework)))
                {
                    continue;
                }

                if (!frameworks.TryGetValue(framework, out var sections))
                {
                    if (frameworks.Count >= MaxFrameworks)
                    {
                        continue;
                    }

                    frameworks[framework] = sections = [];
                }

                if (sections.Count < MaxSectionsPerFramework)
                {
                    sections.Add(int.Parse(section, NumberStyles.None, CultureInfo.InvariantCulture));
                }
            }

            index++;
        }

        var metrics = new List<Metric>();
        var initiatives = new List<Initiative>();
        var usedSlugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (framework, sections) in frameworks)
        {
            var slug = Slug(framework);
            for (var n = 2; !usedSlugs.Add(slug); n++)
            {
                slug = Slug(framework) + "-" + n.ToString(CultureInfo.InvariantCulture);
            }

            var metricIds = new List<MetricId>(sections.Count);
            foreach (var section in sections)
            {
                var number = section.ToString(CultureInfo.InvariantCulture);
                var metric = new Metric(
                    "compliance-" + slug + "-section-" + number,
                    Cut(framework + ": section " + number),
                    MetricWeight.Medium,
                    selector: new MetricSelector(tags: [ComplianceTags.SectionPrefix + framework + ":" + number]),
                    description: Cut("Recommendations mapped to a requirement of section " + number + " of " + framework + "."));
                metrics.Add(metric);
                metricIds.Add(metric.Id);
            }

            initiatives.Add(new Initiative(
                "compliance-" + slug,
                Cut(framework),
                InitiativeKind.Compliance,
                metricIds,
                description: Cut("The requirements of " + framework + " that the findings map to, one metric per section of the benchmark.")));
        }

        return (metrics, initiatives);
    }

    /// <summary>A lower-case id part: ASCII letters and digits kept, every other run of characters one hyphen ("CIS ... v2.0" → "cis-...-v2-0").</summary>
    private static string Slug(string framework)
    {
        var slug = new StringBuilder(framework.Length);
        foreach (var c in framework)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().TrimEnd('-');
        text = text.Length == 0 ? "framework" : text;
        return text.Length <= 128 ? text : text[..128].TrimEnd('-');
    }

    private static string Cut(string value) => Internal.TextCut.Prefix(value, 512);
}
