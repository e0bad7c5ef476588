namespace ExposureSdk.Providers.Scanners.Tests;

/// <summary>Finds the repository root and the fixtures (<c>tests/fixtures</c> in the checkout).</summary>
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

/// <summary>A folder under the system temp folder, deleted with the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "exposuresdk-scanners-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
