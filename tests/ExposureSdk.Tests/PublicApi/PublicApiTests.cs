using System.Text;

namespace ExposureSdk.Tests.PublicApi;

/// <summary>
/// The public-API snapshot: the public surface of every shipped assembly, rendered as sorted text, must
/// equal the approved file committed beside this test (<c>&lt;Assembly&gt;.approved.txt</c>). Any change
/// to a public surface is therefore a reviewed diff of that file.
/// </summary>
public sealed class PublicApiTests
{
    /// <summary>Set to 1 to overwrite the approved files with the current surface.</summary>
    public const string AcceptVariable = "EXPOSURESDK_ACCEPT_API";

    private const int MaxReportedLines = 60;

    public static TheoryData<string> Assemblies => ShippedAssemblies.Names();

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void PublicApi_OfShippedAssembly_MatchesApprovedFile(string assemblyName)
    {
        var received = PublicApiRenderer.Render(ShippedAssemblies.Get(assemblyName));
        var directory = Path.Combine(TestPaths.RepositoryRoot, "tests", "ExposureSdk.Tests", "PublicApi");
        var approvedPath = Path.Combine(directory, assemblyName + ".approved.txt");
        var receivedPath = Path.Combine(directory, assemblyName + ".received.txt");

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(approvedPath, received);
            File.Delete(receivedPath);
            return;
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        var message = new StringBuilder();
        message.Append("The public API of ").Append(assemblyName).Append(approved is null ? " has no approved file yet." : " changed.").Append('\n');
        if (approved is not null)
        {
            message.Append(Diff(approved, received));
        }

        message.Append("Current surface written to ").Append(receivedPath).Append('\n');
        message.Append("If the change is intended, accept it and commit the approved file:\n  ")
            .Append(AcceptVariable).Append("=1 dotnet test tests/ExposureSdk.Tests -c Release --filter \"FullyQualifiedName~PublicApi\"\n");
        Assert.Fail(message.ToString());
    }

    [Fact]
    public void ShippedAssemblies_ListEveryPackableProjectUnderSrc()
    {
        var packable = Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => File.ReadAllText(p).Contains("<IsPackable>true</IsPackable>", StringComparison.OrdinalIgnoreCase))
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)
            .ToList();

        ShippedAssemblies.All.Select(a => a.GetName().Name).Order(StringComparer.Ordinal).Should().Equal(
            packable,
            "every shipped project needs a public-API snapshot: reference it from ExposureSdk.Tests.csproj and add one line to tests/ExposureSdk.Tests/PublicApi/ShippedAssemblies.cs");
    }

    [Fact]
    public void Diff_ChangedMember_ReportsRemovedAndAddedLinesUnderTheirType()
    {
        const string before = "\npublic sealed class A\n    public int X { get; }\n    public A()\n\npublic enum B : int\n    One = 1\n";
        const string after = "\npublic sealed class A\n    public long X { get; }\n    public A()\n\npublic enum B : int\n    One = 1\n";

        var diff = Diff(before, after);

        diff.Should().Contain("public sealed class A").And.Contain("-     public int X { get; }").And.Contain("+     public long X { get; }");
        diff.Should().NotContain("public A()").And.NotContain("One = 1");
    }

    /// <summary>
    /// Lists the lines only in <paramref name="approved"/> (-) and only in <paramref name="received"/> (+),
    /// each member line under the header of its type, at most <see cref="MaxReportedLines"/> lines.
    /// </summary>
    internal static string Diff(string approved, string received)
    {
        var before = Entries(approved);
        var after = Entries(received);
        var removed = Subtract(before, after);
        var added = Subtract(after, before);
        var text = new StringBuilder();
        text.Append(removed.Count).Append(" line(s) removed, ").Append(added.Count).Append(" line(s) added:\n");
        var reported = 0;
        var changes = removed.Select(e => (e.Type, e.Line, Sign: '-')).Concat(added.Select(e => (e.Type, e.Line, Sign: '+')))
            .OrderBy(c => c.Type, StringComparer.Ordinal).ThenBy(c => c.Sign == '-' ? 0 : 1);
        string? lastType = null;
        foreach (var (type, line, sign) in changes)
        {
            if (reported++ >= MaxReportedLines)
            {
                text.Append("  ... and more (compare the approved and received files)\n");
                break;
            }

            if (type != lastType && line != type)
            {
                text.Append("  in ").Append(type).Append('\n');
            }

            lastType = type;
            text.Append(sign).Append(' ').Append(line).Append('\n');
        }

        return text.ToString();
    }

    private static List<(string Type, string Line)> Entries(string text)
    {
        var entries = new List<(string Type, string Line)>();
        var type = string.Empty;
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (!line.StartsWith(' '))
            {
                type = line;
            }

            entries.Add((type, line));
        }

        return entries;
    }

    private static List<(string Type, string Line)> Subtract(List<(string Type, string Line)> from, List<(string Type, string Line)> other)
    {
        var remaining = other.GroupBy(e => e).ToDictionary(g => g.Key, g => g.Count());
        var result = new List<(string Type, string Line)>();
        foreach (var entry in from)
        {
            if (remaining.TryGetValue(entry, out var count) && count > 0)
            {
                remaining[entry] = count - 1;
            }
            else
            {
                result.Add(entry);
            }
        }

        return result;
    }
}
