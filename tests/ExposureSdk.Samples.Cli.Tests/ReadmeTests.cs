namespace ExposureSdk.Samples.Cli.Tests;

/// <summary>The README's newcomer path stays true: its quickstart is the compiled sample, its commands are the ones CI runs.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void Readme_Quickstart_IsTheCompiledSample()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
        var program = File.ReadAllText(Path.Combine(root, "samples", "Quickstart", "Program.cs")).ReplaceLineEndings("\n").TrimEnd('\n');

        readme.Should().Contain("```csharp\n" + program + "\n```");
    }

    [Fact]
    public void Readme_TwoCommands_AreTheDashboardAndTheTestsThatCiRuns()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var ci = File.ReadAllText(Path.Combine(root, ".ci", "run"));

        readme.Should().Contain("dotnet run --project samples/ExposureSdk.Samples.Cli -- report");
        readme.Should().Contain("dotnet test ExposureSdk.sln -c Release");
        ci.Should().Contain("dotnet test ExposureSdk.sln -c Release");
        ci.Should().Contain("dotnet run --project samples/ExposureSdk.Samples.Cli -c Release --no-build -- report");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var depth = 0; directory is not null && depth < 12; depth++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ExposureSdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ExposureSdk.sln above {AppContext.BaseDirectory}.");
    }
}
