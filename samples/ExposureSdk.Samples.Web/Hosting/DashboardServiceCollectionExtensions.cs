using System.ComponentModel.DataAnnotations;
using Azure.Core;
using Azure.Identity;
using ExposureSdk.Catalog;
using ExposureSdk.Demo;
using ExposureSdk.Pipeline;
using ExposureSdk.Providers;
using Microsoft.Extensions.Options;

namespace ExposureSdk.Samples.Web.Hosting;

/// <summary>How the dashboard is put together in the host: the SDK's runtime, the sources from configuration, the SQLite history, the hosted refresh and the health check.</summary>
internal static class DashboardServiceCollectionExtensions
{
    /// <summary>Adds the dashboard's services.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration (sections <c>Dashboard</c> and <c>ExposureManagement</c>).</param>
    /// <param name="environment">The host environment (relative paths are relative to its content root).</param>
    /// <returns>The services.</returns>
    /// <exception cref="OptionsValidationException">A <c>Dashboard</c> setting is invalid (every invalid setting is named).</exception>
    public static IServiceCollection AddExposureDashboard(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // The sources decide which providers are registered, so the settings are read and checked now.
        var dashboard = new DashboardOptions();
        configuration.GetSection(DashboardOptions.Section).Bind(dashboard);
        var failures = new List<ValidationResult>();
        if (!Validator.TryValidateObject(dashboard, new ValidationContext(dashboard), failures, validateAllProperties: true))
        {
            throw new OptionsValidationException(DashboardOptions.Section, typeof(DashboardOptions), [.. failures.Select(f => f.ErrorMessage ?? "invalid")]);
        }

        services.AddSingleton(Options.Create(dashboard));
        var names = dashboard.SourceList;
        var tenantId = configuration["ExposureManagement:TenantId"] is { Length: > 0 } configured ? configured : DashboardSources.DefaultTenantId(names, dashboard);
        string Full(string path) => Path.GetFullPath(path, environment.ContentRootPath);

        services.AddOptions<ExposureRefreshPipelineOptions>().Bind(configuration.GetSection("ExposureManagement"));
        var builder = services
            .AddExposureManagement(o =>
            {
                o.TenantId = tenantId;
                if (names.Any(n => n != "demo"))
                {
                    // The 13 predefined initiatives over the sources' recommendations (the demo's snapshots carry them already).
                    o.AddCatalog(ExposureCatalog.BuiltIn);
                }
            })
            .UseSqliteHistory(Full(dashboard.HistoryDatabase));

        var snapshotPath = names.Contains("file") ? Full(dashboard.Snapshot.Path) : null;
        services.AddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        foreach (var name in names)
        {
            switch (name)
            {
                case "demo":
                    services.AddSingleton(sp => new DemoSourceProvider(DemoTenant.Create(new DemoTenantOptions
                    {
                        Seed = dashboard.Demo.Seed,
                        TenantId = tenantId,
                        AsOf = sp.GetRequiredService<TimeProvider>().GetUtcNow(),
                    })));
                    builder.AddSourceProvider(sp => sp.GetRequiredService<DemoSourceProvider>());
                    break;
                case "file":
                    builder.AddSourceProvider(new SnapshotDocumentSourceProvider("file", snapshotPath!));
                    break;
                case "graph":
                    builder.AddMicrosoftGraphSecureScore(new Uri(dashboard.Graph.BaseUrl), sp => sp.GetRequiredService<TokenCredential>());
                    break;
                case "defender-for-cloud":
                    builder.AddDefenderForCloud(sp => sp.GetRequiredService<TokenCredential>(), o =>
                    {
                        o.BaseUrl = new Uri(dashboard.DefenderForCloud.BaseUrl);
                        o.ReadPath = dashboard.DefenderForCloud.ReadPath;
                        foreach (var subscription in dashboard.DefenderForCloud.Subscriptions)
                        {
                            o.Subscriptions.Add(subscription);
                        }
                    });
                    break;
                case "ocsf":
                    builder.AddOcsfFindings(o => AddPaths(o.Paths, dashboard.Ocsf.Paths));
                    break;
                case "maester":
                    builder.AddMaesterResults(o => AddPaths(o.Paths, dashboard.Maester.Paths));
                    break;
            }
        }

        void AddPaths(IList<string> target, IEnumerable<string> paths)
        {
            foreach (var path in paths)
            {
                target.Add(Full(path));
            }
        }

        services.AddSingleton(sp => new DashboardSources(names, names.Contains("demo") ? sp.GetRequiredService<DemoSourceProvider>() : null, dashboard.Demo.HistoryDays, snapshotPath));
        services.AddSingleton<DashboardRefresher>();
        services.AddSingleton<DashboardData>();
        services.AddHostedService<DashboardRefreshService>();
        services.AddHealthChecks().AddCheck<DashboardHealthCheck>("exposure");
        return services;
    }
}
