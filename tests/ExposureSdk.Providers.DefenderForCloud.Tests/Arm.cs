using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ExposureSdk.Providers.DefenderForCloud.Tests;

/// <summary>Builds providers against the loopback ARM server and reads them with a bounded wait.</summary>
internal static class Arm
{
    /// <summary>A recognisable fake token: it must never show up in a log or a message.</summary>
    public const string Token = "eyJhbGciOiJub25lIn0.c2VjcmV0LWFybS10b2tlbi1tdXN0LW5vdC1sZWFr.sig";

    public const string Sub1 = "11111111-1111-4111-8111-111111111111";
    public const string Sub2 = "22222222-2222-4222-8222-222222222222";
    public const string Sub3 = "33333333-3333-4333-8333-333333333333";

    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    public static DefenderForCloudProvider Provider(LoopbackArmServer server, Action<DefenderForCloudOptions>? configure = null, TimeProvider? time = null, ILogger? logger = null)
    {
        var options = new DefenderForCloudOptions { BaseUrl = server.BaseUrl, RetryBaseDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.FromMinutes(2) };
        configure?.Invoke(options);
        return DefenderForCloudProvider.Create(_ => ValueTask.FromResult(Token), options, time, logger);
    }

    public static async Task<Reading> ReadAllAsync(DefenderForCloudProvider provider, CancellationToken cancellationToken = default)
    {
        var assets = new List<Asset>();
        var assessments = new List<Assessment>();
        var pages = 0;
        var result = await provider.ReadAsync(
            (page, _) =>
            {
                pages++;
                assets.AddRange(page.Assets);
                assessments.AddRange(page.Assessments);
                return ValueTask.CompletedTask;
            },
            cancellationToken).WaitAsync(Bound, cancellationToken);
        return new Reading(result, assets, assessments, pages);
    }

    /// <summary>Runs <paramref name="work"/> while moving the fake clock a second at a time, until it ends (bounded by real time).</summary>
    public static async Task<T> WithClockAsync<T>(Microsoft.Extensions.Time.Testing.FakeTimeProvider time, Func<Task<T>> work)
    {
        var task = work();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!task.IsCompleted)
        {
            if (watch.Elapsed > Bound)
            {
                throw new TimeoutException("The read did not end within the test's bound.");
            }

            await Task.WhenAny(task, Task.Delay(15));
            if (!task.IsCompleted)
            {
                time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        return await task;
    }

    public static string Fixture(string name) => File.ReadAllText(TestPaths.Fixture("defender-for-cloud", name));

    /// <summary>The <c>responses["200"].body</c> of an x-ms-examples fixture, as JSON text.</summary>
    public static string FixtureBody(string name)
    {
        using var document = JsonDocument.Parse(Fixture(name));
        return document.RootElement.GetProperty("responses").GetProperty("200").GetProperty("body").GetRawText();
    }
}

internal sealed record Reading(DefenderForCloudReadResult Result, List<Asset> Assets, List<Assessment> Assessments, int Pages);
