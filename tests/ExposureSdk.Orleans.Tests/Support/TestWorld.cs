using System.Collections.Concurrent;
using ExposureSdk.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExposureSdk.Orleans.Tests.Support;

/// <summary>
/// What the silos of one in-process test cluster share: the tenants the host knows (demo tenants with
/// distinct seeds, or broken ones), the tenants' clock, and the SQLite file every silo's history store opens.
/// Silos find their world by the id in their configuration, so clusters of different tests never mix.
/// </summary>
internal sealed class TestWorld : IDisposable
{
    public const string ConfigurationKey = "ExposureSdkTestWorld";

    private static readonly ConcurrentDictionary<string, TestWorld> Worlds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<DemoTenant>> _demos = new(StringComparer.Ordinal);

    public TestWorld()
    {
        Id = Guid.NewGuid().ToString("N");
        Folder = Path.Combine(Path.GetTempPath(), "exposuresdk-orleans-" + Id);
        Directory.CreateDirectory(Folder);
        DatabasePath = Path.Combine(Folder, "history.db");
        Worlds[Id] = this;
    }

    /// <summary>The demo tenants' "today": the last day the tests refresh.</summary>
    public static DateTimeOffset DemoAsOf { get; } = new(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);

    public string Id { get; }

    public string Folder { get; }

    public string DatabasePath { get; }

    /// <summary>The tenants' clock (every silo's tenants read it; the test moves it).</summary>
    public FakeTimeProvider Clock { get; } = new(DemoAsOf.AddDays(-30));

    public ConcurrentDictionary<string, TenantSetup> Tenants { get; } = new(StringComparer.Ordinal);

    /// <summary>The silos' <c>ExposureGrainOptions.RefreshInterval</c>: zero (on demand only) unless a test sets it.</summary>
    public TimeSpan RefreshInterval { get; init; }

    /// <summary>The partitioned tenants the host's <see cref="WorldPartitionSource"/> serves, by tenant id.</summary>
    public ConcurrentDictionary<string, LargeTenantSetup> LargeTenants { get; } = new(StringComparer.Ordinal);

    /// <summary>How many tenant runtimes each silo built, by silo name (to see where tenants live).</summary>
    public ConcurrentDictionary<string, int> RuntimesBuilt { get; } = new(StringComparer.Ordinal);

    public static TestWorld Get(string id) => Worlds.TryGetValue(id, out var world) ? world : throw new InvalidOperationException($"No test world '{id}'.");

    /// <summary>Adds demo tenants <c>{prefix}-000</c>… with seeds from <paramref name="firstSeed"/>.</summary>
    public IReadOnlyList<string> AddDemoTenants(int count, string prefix = "tenant", int firstSeed = 1000, int assets = 500, int historyDays = 10)
    {
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var id = $"{prefix}-{i:D3}";
            Tenants[id] = new TenantSetup(firstSeed + i, assets, historyDays);
            ids.Add(id);
        }

        return ids;
    }

    public DemoTenant Demo(string tenantId)
    {
        var setup = Tenants[tenantId];
        return _demos.GetOrAdd(tenantId, id => new Lazy<DemoTenant>(() => DemoTenant.Create(new DemoTenantOptions
        {
            TenantId = id,
            Seed = setup.Seed,
            AssetCount = setup.AssetCount,
            HistoryDays = setup.HistoryDays,
            AsOf = DemoAsOf,
        }))).Value;
    }

    /// <summary>The clock instant of day <paramref name="day"/> of <paramref name="days"/> (the last is <see cref="DemoAsOf"/>).</summary>
    public static DateTimeOffset DayTime(int day, int days) => DemoAsOf.AddDays(day - (days - 1));

    public void Dispose()
    {
        Worlds.TryRemove(Id, out _);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>How the host configures one tenant.</summary>
/// <param name="Seed">The demo tenant's seed.</param>
/// <param name="AssetCount">Its assets.</param>
/// <param name="HistoryDays">Its history.</param>
internal sealed record TenantSetup(int Seed, int AssetCount, int HistoryDays)
{
    /// <summary>Extra configuration after the demo provider (another provider, options); may throw.</summary>
    public Action<IExposureManagementBuilder>? Configure { get; init; }

    /// <summary>Whether the demo provider is left out (a tenant whose only provider comes from <see cref="Configure"/>).</summary>
    public bool WithoutDemo { get; init; }
}

/// <summary>A partitioned tenant as the host's shard store holds it: its assessments, served shard by shard.</summary>
/// <param name="Assessments">Every assessment of the tenant.</param>
internal sealed record LargeTenantSetup(IReadOnlyList<Assessment> Assessments)
{
    /// <summary>A partition whose read fails after a few assessments (the store is down for it), or -1.</summary>
    public int FailingPartition { get; init; } = -1;

    /// <summary>Whether partition 0 is also given one asset another partition owns (a store keyed by the wrong hash).</summary>
    public bool GivesForeignAsset { get; init; }
}
