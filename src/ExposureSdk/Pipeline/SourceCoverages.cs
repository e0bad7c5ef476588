using System.Globalization;
using ExposureSdk.Providers;

namespace ExposureSdk.Pipeline;

/// <summary>The pipeline's side of source coverage (domain rules §2): the coverage of a failed pull, and the providers' warnings in the refresh result.</summary>
internal static class SourceCoverages
{
    /// <summary>The coverage of a pull that did not succeed: Failed, with why, and whether the last known data is shown (stale).</summary>
    public static SourceCoverage Failed(ProviderOutcomeKind kind, string? error, ProviderRecords? previous)
    {
        var why = error ?? kind switch
        {
            ProviderOutcomeKind.TimedOut => "the provider did not finish within its timeout",
            ProviderOutcomeKind.Cancelled => "the provider cancelled its pull",
            _ => "the pull failed",
        };
        var detail = previous is null
            ? why
            : string.Create(CultureInfo.InvariantCulture, $"{why} (the last known data, from {previous.PulledAt:yyyy-MM-dd HH:mm:ss}Z, is shown, marked stale)");
        if (detail.Length > SourceCoverage.MaxDetailLength)
        {
            detail = Internal.TextCut.WithEllipsis(detail, SourceCoverage.MaxDetailLength);
        }

        return new SourceCoverage(SourceStatus.Failed, detail);
    }

    /// <summary>Every provider's warnings, each prefixed with the provider's name, in provider order.</summary>
    public static IEnumerable<string> Warnings(IEnumerable<ProviderOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            foreach (var warning in outcome.Warnings)
            {
                yield return $"Provider '{outcome.ProviderName}': {warning}";
            }
        }
    }
}
