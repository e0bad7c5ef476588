using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ExposureSdk.History.Sqlite.Tests;

public sealed class SqliteHistoryBuilderExtensionsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "exposuresdk-di-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void UseSqliteHistory_CalledTwice_RegistersOneSqliteStore()
    {
        var path = Path.Combine(_directory, "h.db");
        var services = new ServiceCollection();

        services.AddExposureManagement().UseSqliteHistory(path);
        services.AddExposureManagement().UseSqliteHistory(path);

        services.Count(d => d.ServiceType == typeof(IScoreHistoryStore)).Should().Be(1);
        using var sp = services.BuildServiceProvider();
        sp.GetRequiredService<IScoreHistoryStore>().Should().BeOfType<SqliteScoreHistoryStore>().Which.Path.Should().Be(Path.GetFullPath(path));
    }
}
