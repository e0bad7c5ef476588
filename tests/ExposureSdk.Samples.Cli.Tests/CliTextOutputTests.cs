namespace ExposureSdk.Samples.Cli.Tests;

/// <summary>The table and markdown outputs.</summary>
public sealed class CliTextOutputTests
{
    [Fact]
    public async Task Report_Markdown_IsWellFormed()
    {
        var run = await CliRun.RunAsync("report", "--format", "markdown");

        run.ExitCode.Should().Be(0);
        var lines = run.Stdout.ReplaceLineEndings("\n").Split('\n');
        lines[0].Should().StartWith("# Exposure dashboard: contoso-demo");
        lines.Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Should().Equal(
            "## Sources", "## Initiatives", "## Top metrics by score impact", "## Recommendations", "## Recent events (7 days)");
        AssertTablesWellFormed(lines);
        run.Stdout.Should().NotContain("\u001b[", "markdown carries no terminal escape codes");
    }

    [Fact]
    public async Task Explain_Markdown_IsWellFormed()
    {
        var run = await CliRun.RunAsync("explain", "--initiative", "identity-security", "--format", "markdown");

        run.ExitCode.Should().Be(0);
        AssertTablesWellFormed(run.Stdout.ReplaceLineEndings("\n").Split('\n'));
    }

    [Fact]
    public async Task Report_Table_ShowsEveryPartOfTheDashboardWithoutEscapeCodes()
    {
        var run = await CliRun.RunAsync("report");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("Initiatives").And.Contain("Top metrics by score impact").And.Contain("Recommendations").And.Contain("Recent events");
        run.Stdout.Should().Contain("★ Endpoint Security").And.Contain("unavailable");
        run.Stdout.Should().MatchRegex("[▁▂▃▄▅▆▇█]{10,}", "initiatives show a 14-day sparkline");
        run.Stdout.Should().NotContain("\u001b[", "redirected output carries no terminal escape codes");
        run.Stderr.Should().BeEmpty("the progress display needs a terminal");
    }

    private static void AssertTablesWellFormed(string[] lines)
    {
        var tables = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith('|'))
            {
                continue;
            }

            // A table: header, separator, rows; every row has as many cells as the header.
            var cells = Cells(lines[i]);
            lines[i + 1].Should().MatchRegex(@"^\|(\s*:?-+:?\s*\|)+$", "a header is followed by its separator");
            Cells(lines[i + 1]).Should().Be(cells);
            var j = i + 2;
            for (; j < lines.Length && lines[j].StartsWith('|'); j++)
            {
                Cells(lines[j]).Should().Be(cells, $"row '{lines[j]}' has as many cells as its header");
            }

            tables++;
            i = j;
        }

        tables.Should().BeGreaterThan(0);
    }

    private static int Cells(string row)
    {
        // Count unescaped pipes: a row "| a | b |" has 3 pipes and 2 cells.
        var pipes = 0;
        for (var k = 0; k < row.Length; k++)
        {
            if (row[k] == '\\')
            {
                k++;
            }
            else if (row[k] == '|')
            {
                pipes++;
            }
        }

        return pipes - 1;
    }
}
