using System.Text;
using ExposureSdk.Catalog;

namespace ExposureSdk.Tests.Catalog;

/// <summary>
/// Keeps <c>docs/catalog.md</c> in step with <see cref="ExposureCatalog.BuiltIn"/>: the initiative and
/// metric tables between the <c>generated</c> markers are rendered here from the code, selectors
/// included, and must equal the page. Set <c>EXPOSURESDK_UPDATE_DOCS=1</c> to rewrite the page instead.
/// </summary>
public sealed class CatalogPageTests
{
    private const string Begin = "<!-- generated from ExposureCatalog.BuiltIn by CatalogPageTests: begin -->";
    private const string End = "<!-- generated from ExposureCatalog.BuiltIn by CatalogPageTests: end -->";

    private static string PagePath => Path.Combine(TestPaths.RepositoryRoot, "docs", "catalog.md");

    [Fact]
    public void Docs_CatalogPage_TablesAreTheBuiltInCatalogWithEverySelector()
    {
        var page = File.ReadAllText(PagePath).ReplaceLineEndings("\n");
        var begin = page.IndexOf(Begin, StringComparison.Ordinal);
        var end = page.IndexOf(End, StringComparison.Ordinal);
        begin.Should().BeGreaterThan(0, "the page marks the generated part");
        end.Should().BeGreaterThan(begin);

        var expected = Render(ExposureCatalog.BuiltIn);
        var actual = page[(begin + Begin.Length)..end];
        if (actual != expected && Environment.GetEnvironmentVariable("EXPOSURESDK_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(PagePath, page[..(begin + Begin.Length)] + expected + page[end..]);
            return;
        }

        actual.Should().Be(expected, "docs/catalog.md shows the code's catalog (run the tests with EXPOSURESDK_UPDATE_DOCS=1 to regenerate it)");
    }

    [Fact]
    public void Selector_RenderedForTheDocs_ShowsEveryNonEmptyListInOrder()
    {
        var selector = new MetricSelector(
            domains: [SecurityDomain.Cloud], workloads: [Workload.DefenderForCloud], sources: [RecommendationSource.DefenderForCloud],
            threats: ["accountBreach"], tags: ["resourceType:microsoft.web/sites"], impacts: [Impact.High, Impact.Medium]);

        Describe(selector).Should().Be(
            "domains: Cloud; workloads: \"Defender for Cloud\"; sources: \"Microsoft Defender for Cloud\"; threats: \"accountBreach\"; tags: \"resourceType:microsoft.web/sites\"; impacts: High, Medium");
        Describe(new MetricSelector(tags: ["a"])).Should().Be("tags: \"a\"");
    }

    /// <summary>The generated part of the page: both tables, in catalog order.</summary>
    internal static string Render(ExposureCatalog catalog)
    {
        var text = new StringBuilder("\n\n## Initiatives\n\n| Id | Name | Kind | Metrics |\n|---|---|---|---|\n");
        foreach (var i in catalog.Initiatives)
        {
            text.Append("| `").Append(i.Id.Value).Append("` | ").Append(i.Name).Append(" | ").Append(i.Kind).Append(" | ")
                .AppendJoin(", ", i.MetricIds.Select(m => "`" + m.Value + "`")).Append(" |\n");
        }

        text.Append("\n## Metrics\n\n| Id | Name | Weight | Selector |\n|---|---|---|---|\n");
        foreach (var m in catalog.Metrics)
        {
            text.Append("| `").Append(m.Id.Value).Append("` | ").Append(m.Name).Append(" | ").Append(m.Weight).Append(" | ")
                .Append(m.Selector is { } s ? Describe(s) : string.Empty).Append(" |\n");
        }

        return text.Append('\n').ToString();
    }

    /// <summary>A selector as the page shows it: each non-empty list, <c>name: values</c>, strings quoted.</summary>
    internal static string Describe(MetricSelector selector)
    {
        var parts = new List<string>();
        Add("domains", selector.Domains.Select(d => d.Name));
        Add("workloads", selector.Workloads.Select(w => Quote(w.Name)));
        Add("sources", selector.Sources.Select(s => Quote(s.Name)));
        Add("threats", selector.Threats.Select(Quote));
        Add("tags", selector.Tags.Select(Quote));
        Add("impacts", selector.Impacts.Select(i => i.ToString()));
        return string.Join("; ", parts);

        void Add(string name, IEnumerable<string> values)
        {
            var list = values.ToList();
            if (list.Count > 0)
            {
                parts.Add(name + ": " + string.Join(", ", list));
            }
        }

        static string Quote(string value) => "\"" + value.Replace("|", "\\|", StringComparison.Ordinal) + "\"";
    }
}
