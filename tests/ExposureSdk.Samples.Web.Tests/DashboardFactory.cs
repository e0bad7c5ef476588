using ExposureSdk.Demo;
using ExposureSdk.Samples.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ExposureSdk.Samples.Web.Tests;

/// <summary>
/// The web sample in process, on its own SQLite file, with a fake clock at the demo tenant's reference instant
/// (so the demo is the CLI's demo, day for day). The clock never moves by itself, so the hosted service makes
/// exactly one refresh, at start.
/// </summary>
public class DashboardFactory : WebApplicationFactory<Program>
{
    /// <summary>How long a test waits for the first refresh before it fails.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _refresh;

    public DashboardFactory(IReadOnlyDictionary<string, string?>? settings = null, bool refresh = true)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("exposuresdk-web-").FullName;
        _settings = new Dictionary<string, string?>
        {
            ["Dashboard:HistoryDatabase"] = Path.Combine(Directory, "history.db"),
            ["Dashboard:Demo:HistoryDays"] = "14",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _refresh = refresh;
    }

    /// <summary>Gets the folder of this instance's files (deleted with it).</summary>
    public string Directory { get; }

    /// <summary>Gets the clock of the host.</summary>
    public FakeTimeProvider Clock { get; } = new(DemoTenantOptions.DefaultAsOf);

    /// <summary>Starts the host and waits (bounded) for the first refresh attempt.</summary>
    public async Task<HttpClient> StartAsync()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (_refresh)
        {
            await Services.GetRequiredService<DashboardRefresher>().FirstAttempt.WaitAsync(StartTimeout);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Production");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            if (!_refresh)
            {
                services.RemoveAll<IHostedService>();
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a pool being torn down: the temporary folder is left to the OS.
            }
        }
    }
}

/// <summary>The demo dashboard, started once for the tests that only read it.</summary>
public sealed class DemoDashboard : IAsyncLifetime
{
    public DashboardFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync() => Client = await Factory.StartAsync();

    public Task DisposeAsync()
    {
        Client.Dispose();
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class DemoDashboardGroup : ICollectionFixture<DemoDashboard>
{
    public const string Name = "demo dashboard";
}
