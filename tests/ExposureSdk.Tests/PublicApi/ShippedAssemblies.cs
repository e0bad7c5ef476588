using System.Reflection;

namespace ExposureSdk.Tests.PublicApi;

/// <summary>
/// The assemblies the repository ships (one per packable project under <c>src/</c>). The public type
/// rules run over each of them; their public API is declared in each project's <c>PublicAPI.*.txt</c>.
/// </summary>
/// <remarks>
/// To add a shipped project: reference it from <c>tests/ExposureSdk.Tests/ExposureSdk.Tests.csproj</c> and
/// add one line below (<c>typeof(&lt;any public type&gt;).Assembly</c>). The build gives the project the public
/// API analyzer (Directory.Build.props); declare its surface with
/// <c>dotnet format analyzers src/&lt;Project&gt;/&lt;Project&gt;.csproj --diagnostics RS0016 --severity error</c>.
/// </remarks>
internal static class ShippedAssemblies
{
    public static IReadOnlyList<Assembly> All { get; } =
    [
        typeof(ExposureSnapshot).Assembly,
        typeof(ExposureSdk.Providers.MicrosoftGraph.MicrosoftGraphSecureScoreProvider).Assembly,
        typeof(ExposureSdk.History.Sqlite.SqliteScoreHistoryStore).Assembly,
        typeof(ExposureSdk.Providers.Scanners.OcsfSourceProvider).Assembly,
        typeof(ExposureSdk.Demo.DemoTenant).Assembly,
        typeof(ExposureSdk.Orleans.ExposureCluster).Assembly,
        typeof(ExposureSdk.Providers.DefenderForCloud.DefenderForCloudProvider).Assembly,
    ];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var assembly in All)
        {
            data.Add(assembly.GetName().Name!);
        }

        return data;
    }

    public static Assembly Get(string name)
        => All.Single(a => a.GetName().Name == name);
}
