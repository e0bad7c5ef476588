using ExposureSdk.History;
using ExposureSdk.Pipeline;
using ExposureSdk.Tests.Support;

namespace ExposureSdk.Tests.Pipeline;

/// <summary>
/// Two providers and a catalog: "graph" gives recommendation mfa (users), "cloud" gives storage (storage
/// accounts). Metrics: m-identity = {mfa}; m-cloud = {storage}; m-mixed = {mfa, storage}. Initiatives:
/// i-identity = {m-identity}; i-all = {m-identity, m-cloud, m-mixed}.
/// </summary>
internal sealed class PipelineFixture
{
    public static readonly DateTimeOffset Day1 = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);

    public PipelineFixture(IScoreHistoryStore? history = null)
    {
        Clock = new FakeTimeProvider(Day1);
        Graph = new ScriptedProvider("graph");
        Cloud = new ScriptedProvider("cloud");
        History = history ?? new InMemoryScoreHistoryStore();
        SetGraph(unhealthyUsers: 5);
        SetCloud(unhealthyAccounts: 0);
    }

    public FakeTimeProvider Clock { get; }

    public ScriptedProvider Graph { get; }

    public ScriptedProvider Cloud { get; }

    public IScoreHistoryStore History { get; }

    public List<RefreshResult> Published { get; } = [];

    public static ExposureRefreshPipelineOptions Options()
    {
        var options = new ExposureRefreshPipelineOptions { TenantId = "contoso" };
        options.ProviderTimeouts["graph"] = TimeSpan.FromHours(24);
        options.ProviderTimeouts["cloud"] = TimeSpan.FromMinutes(1);
        options.Metrics.Add(new Metric("m-identity", "Users without MFA", MetricWeight.High, ["mfa"]));
        options.Metrics.Add(new Metric("m-cloud", "Unencrypted storage", MetricWeight.Medium, ["storage"]));
        options.Metrics.Add(new Metric("m-mixed", "Mixed", MetricWeight.Low, ["mfa", "storage"]));
        options.Initiatives.Add(new Initiative("i-identity", "Identity", InitiativeKind.Workload, ["m-identity"], targetScore: 80));
        options.Initiatives.Add(new Initiative("i-all", "Everything", InitiativeKind.ZeroTrust, ["m-identity", "m-cloud", "m-mixed"]));
        options.FavoriteInitiatives.Add("i-all");
        return options;
    }

    public ExposureRefreshPipeline CreatePipeline(params IExposureEventSubscriber[] extraSubscribers)
        => new([Graph, Cloud], History, Options(), [new Recorder(Published), .. extraSubscribers], Clock);

    public void SetGraph(int unhealthyUsers)
        => Graph.Set(
            [SampleData.Recommendation("mfa", Impact.High, SecurityDomain.Identity, "Microsoft Entra ID")],
            SampleData.Results("mfa", 10 - unhealthyUsers, unhealthyUsers, "user"));

    public void SetCloud(int unhealthyAccounts)
        => Cloud.Set(
            [SampleData.Recommendation("storage", Impact.Medium, SecurityDomain.Cloud, "Defender for Cloud", "Microsoft Defender for Cloud")],
            SampleData.Results("storage", 10 - unhealthyAccounts, unhealthyAccounts, "account"));

    /// <summary>
    /// Refreshes; while a provider is scripted to hang, moves the fake clock 10 s at a time so its
    /// timeout can fire (bounded). The clock stays still otherwise: advancing it on a loaded machine
    /// would time out providers that are merely slow to be scheduled, and make the tests flaky.
    /// </summary>
    public async Task<RefreshResult> RefreshAsync(ExposureRefreshPipeline pipeline)
    {
        var task = pipeline.RefreshAsync().WaitAsync(TestBounds.Wait);
        var hanging = IsHang(Graph.Fault) || IsHang(Cloud.Fault);
        for (var i = 0; i < 500 && hanging && !task.IsCompleted; i++)
        {
            await Task.Delay(5);
            Clock.Advance(TimeSpan.FromSeconds(10));
        }

        return await task;
    }

    private static bool IsHang(ProviderFault fault)
        => fault is ProviderFault.HangsHonouringCancellation or ProviderFault.HangsIgnoringCancellation;

    private sealed class Recorder(List<RefreshResult> published) : IExposureEventSubscriber
    {
        public ValueTask OnRefreshedAsync(RefreshResult result, CancellationToken cancellationToken)
        {
            lock (published)
            {
                published.Add(result);
            }

            return ValueTask.CompletedTask;
        }
    }
}
