using System.Runtime.CompilerServices;
using ExposureSdk.Providers;

namespace ExposureSdk.Tests.Support;

/// <summary>How a <see cref="ScriptedProvider"/> behaves on its next pull.</summary>
public enum ProviderFault
{
    None,
    Throws,
    HangsHonouringCancellation,
    HangsIgnoringCancellation,
    CancelsItself,
    YieldsNullRecord,
    YieldsDuplicateIds,
    YieldsMalformedAssessment,

    /// <summary>Builds a recommendation whose id holds a lone surrogate, as a partner's mapping might: the model refuses it.</summary>
    BuildsIllFormedText,
}

/// <summary>A provider whose records and faults the test sets between refreshes.</summary>
internal sealed class ScriptedProvider(string name) : ExposureSourceProvider(name)
{
    private volatile Content _content = new([], [], [], []);

    public ProviderFault Fault { get; set; }

    /// <summary>What <see cref="ExposureSourceProvider.GetHistoryAsync"/> yields (in this order).</summary>
    public List<SourceHistoryDay> History { get; } = [];

    /// <summary>How the history read behaves: None, Throws, HangsHonouringCancellation or YieldsNullRecord.</summary>
    public ProviderFault HistoryFault { get; set; }

    public int HistoryReads => _historyReads;

    private int _historyReads;

    public int Pulls => _pulls;

    private int _pulls;

    public void Set(IEnumerable<Recommendation> recommendations, IEnumerable<Assessment>? assessments = null, IEnumerable<Metric>? metrics = null, IEnumerable<Initiative>? initiatives = null)
        => _content = new([.. recommendations], [.. assessments ?? []], [.. metrics ?? []], [.. initiatives ?? []]);

    protected override async IAsyncEnumerable<Recommendation> GetRecommendationsCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _pulls);
        var content = _content;
        switch (Fault)
        {
            case ProviderFault.Throws:
                throw new HttpRequestException("Service unavailable (503).");
            case ProviderFault.HangsHonouringCancellation:
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                break;
            case ProviderFault.HangsIgnoringCancellation:
                await new TaskCompletionSource().Task;
                break;
            case ProviderFault.CancelsItself:
                throw new TaskCanceledException("The provider's own HTTP client gave up.");
            case ProviderFault.BuildsIllFormedText:
                yield return new Recommendation("r-\ud800", "Ill-formed", "Scripted", "Cloud", "Devices", Impact.High, maxPoints: 1);
                break;
        }

        foreach (var r in content.Recommendations)
        {
            yield return r;
        }

        if (Fault == ProviderFault.YieldsNullRecord)
        {
            yield return null!;
        }

        if (Fault == ProviderFault.YieldsDuplicateIds && content.Recommendations.Length > 0)
        {
            yield return content.Recommendations[0];
        }
    }

    protected override async IAsyncEnumerable<Assessment> GetAssessmentsCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var a in _content.Assessments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return a;
        }

        if (Fault == ProviderFault.YieldsMalformedAssessment)
        {
            yield return default;
        }

        await Task.CompletedTask;
    }

    protected override IAsyncEnumerable<Metric> GetMetricsCoreAsync(CancellationToken cancellationToken) => _content.Metrics.ToAsyncEnumerable();

    protected override IAsyncEnumerable<Initiative> GetInitiativesCoreAsync(CancellationToken cancellationToken) => _content.Initiatives.ToAsyncEnumerable();

    protected override async IAsyncEnumerable<SourceHistoryDay> GetHistoryCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _historyReads);
        switch (HistoryFault)
        {
            case ProviderFault.Throws:
                throw new HttpRequestException("History service unavailable (503).");
            case ProviderFault.HangsHonouringCancellation:
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                break;
        }

        foreach (var day in History.ToArray())
        {
            yield return day;
        }

        if (HistoryFault == ProviderFault.YieldsNullRecord)
        {
            yield return null!;
        }
    }

    private sealed record Content(Recommendation[] Recommendations, Assessment[] Assessments, Metric[] Metrics, Initiative[] Initiatives);
}
