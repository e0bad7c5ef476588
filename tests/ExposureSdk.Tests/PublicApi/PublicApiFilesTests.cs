namespace ExposureSdk.Tests.PublicApi;

/// <summary>
/// The public API of every shipped project is declared in <c>PublicAPI.Shipped.txt</c> and
/// <c>PublicAPI.Unshipped.txt</c> beside its project file, and the public API analyzer fails the build on
/// any undeclared change (RS0016, RS0017). These tests keep that set-up from eroding: every packable
/// project is covered by the rules, has both files, and tracks nullable annotations.
/// </summary>
public sealed class PublicApiFilesTests
{
    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var name in PackableProjects())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void ShippedAssemblies_ListEveryPackableProjectUnderSrc()
    {
        ShippedAssemblies.All.Select(a => a.GetName().Name).Order(StringComparer.Ordinal).Should().Equal(
            PackableProjects(),
            "every shipped project is checked by the public type rules: reference it from ExposureSdk.Tests.csproj and add one line to tests/ExposureSdk.Tests/PublicApi/ShippedAssemblies.cs");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void ShippedProject_DeclaresItsPublicApi_WithNullableAnnotations(string project)
    {
        var directory = Path.Combine(TestPaths.RepositoryRoot, "src", project);
        foreach (var file in new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
        {
            var path = Path.Combine(directory, file);
            File.Exists(path).Should().BeTrue($"{project} must declare its public API in {file} (the analyzer reads it)");
            File.ReadLines(path).FirstOrDefault().Should().Be("#nullable enable", $"{file} of {project} must track nullable annotations, or the analyzer would not see a nullability change");
        }

        var declared = File.ReadLines(Path.Combine(directory, "PublicAPI.Shipped.txt"))
            .Concat(File.ReadLines(Path.Combine(directory, "PublicAPI.Unshipped.txt")))
            .Count(line => line.Length > 0 && !line.StartsWith('#'));
        declared.Should().BePositive($"{project} ships public types, so its files declare them");
    }

    [Fact]
    public void Build_GivesEveryShippedProjectTheAnalyzer()
    {
        var props = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "Directory.Build.props"));
        props.Should().Contain("Microsoft.CodeAnalysis.PublicApiAnalyzers").And.Contain("PublicAPI.Shipped.txt").And.Contain("PublicAPI.Unshipped.txt");
        var editorConfig = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, ".editorconfig"));
        editorConfig.Should().Contain("dotnet_diagnostic.RS0016.severity = error").And.Contain("dotnet_diagnostic.RS0017.severity = error");
    }

    private static List<string> PackableProjects()
        => Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => File.ReadAllText(p).Contains("<IsPackable>true</IsPackable>", StringComparison.OrdinalIgnoreCase))
            .Select(p => Path.GetFileNameWithoutExtension(p)!)
            .Order(StringComparer.Ordinal)
            .ToList();
}
