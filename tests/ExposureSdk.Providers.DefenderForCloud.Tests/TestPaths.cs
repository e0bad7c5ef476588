namespace ExposureSdk.Providers.DefenderForCloud.Tests;

/// <summary>Finds the repository root and the fixtures (<c>tests/fixtures</c> in the checkout; nothing outside it is read).</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Fixtures { get; } = Path.Combine(RepositoryRoot, "tests", "fixtures");

    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ExposureSdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ExposureSdk.sln was not found above " + AppContext.BaseDirectory);
    }
}
