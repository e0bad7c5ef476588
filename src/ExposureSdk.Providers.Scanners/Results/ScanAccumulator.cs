using System.Globalization;

namespace ExposureSdk.Providers.Scanners;

/// <summary>
/// Collects the mapped records of one result file: one recommendation per check (its first record
/// describes it), one asset per resource, one result per (check, resource) pair where the later record
/// wins and is counted as a repeat.
/// </summary>
/// <remarks>Memory held grows with distinct checks, resources and pairs, never with the raw records.</remarks>
internal sealed class ScanAccumulator
{
    private const int MaxRepeatExamples = 3;
    private readonly Dictionary<string, int> _checkIndex = new(StringComparer.Ordinal);
    private readonly List<CheckState> _checks = [];
    private readonly Dictionary<string, int> _assetIndex = new(StringComparer.Ordinal);
    private readonly List<Asset> _assets = [];
    private readonly Dictionary<long, int> _pairIndex = [];
    private readonly List<PairResult> _pairs = [];
    private readonly List<string> _repeatExamples = [];
    private long _repeats;
    private long _records;
    private DateTimeOffset? _latest;

    public long Records => _records;

    public DateTimeOffset? Latest => _latest;

    public void Add(ScanFinding finding, string where)
    {
        _records++;
        if (finding.Time is { } time && (_latest is null || time > _latest))
        {
            _latest = time;
        }

        if (!_checkIndex.TryGetValue(finding.CheckId, out var check))
        {
            check = _checks.Count;
            _checkIndex.Add(finding.CheckId, check);
            _checks.Add(new CheckState(finding));
        }
        else if (finding.Time is { } t && (_checks[check].Last is null || t > _checks[check].Last))
        {
            _checks[check].Last = t;
        }

        foreach (var resource in finding.Resources)
        {
            if (!_assetIndex.TryGetValue(resource.Uid, out var asset))
            {
                asset = _assets.Count;
                _assetIndex.Add(resource.Uid, asset);
                _assets.Add(new Asset(resource.Uid, resource.Kind, resource.Name, tags: resource.Tags));
            }

            var key = ((long)check << 32) | (uint)asset;
            var result = new PairResult(check, asset, finding.Status, finding.Muted);
            if (_pairIndex.TryGetValue(key, out var position))
            {
                _pairs[position] = result;
                _repeats++;
                if (_repeatExamples.Count < MaxRepeatExamples)
                {
                    _repeatExamples.Add(string.Create(CultureInfo.InvariantCulture, $"check '{finding.CheckId}' on resource '{resource.Uid}' again at {where}"));
                }
            }
            else
            {
                _pairIndex.Add(key, _pairs.Count);
                _pairs.Add(result);
            }
        }
    }

    public ScanResult Build(string name, DateTimeOffset? scannedAt, List<string> warnings)
    {
        var mutedCount = new int[_checks.Count];
        var resultCount = new int[_checks.Count];
        var assessments = new List<Assessment>(_pairs.Count);
        foreach (var pair in _pairs)
        {
            resultCount[pair.Check]++;
            if (pair.Muted)
            {
                mutedCount[pair.Check]++;
            }

            assessments.Add(new Assessment(_checks[pair.Check].Id, _assets[pair.Asset].Id, pair.Muted ? AssessmentStatus.NotApplicable : pair.Status));
        }

        var recommendations = new List<Recommendation>(_checks.Count);
        for (var i = 0; i < _checks.Count; i++)
        {
            recommendations.Add(_checks[i].ToRecommendation(resultCount[i] > 0 && mutedCount[i] == resultCount[i]));
        }

        if (_repeats > 0)
        {
            warnings.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"'{name}': {_repeats} record(s) repeated a (check, resource) pair given earlier in the file; the later record won ({string.Join("; ", _repeatExamples)}{(_repeats > _repeatExamples.Count ? "; ..." : string.Empty)})."));
        }

        return new ScanResult(
            name,
            scannedAt ?? _latest,
            _records,
            ScanResult.ReadOnly(recommendations),
            ScanResult.ReadOnly(_assets),
            ScanResult.ReadOnly(assessments),
            _repeats,
            ScanResult.ReadOnly(warnings));
    }

    private readonly record struct PairResult(int Check, int Asset, AssessmentStatus Status, bool Muted);

    private sealed class CheckState(ScanFinding f)
    {
        private readonly string[] _steps = [.. f.RemediationSteps];
        private readonly string[] _tags = [.. f.Tags];
        private readonly string[] _threats = [.. f.Threats];
        private readonly string? _title = f.Title;
        private readonly string? _description = f.Description;
        private readonly Impact _impact = f.Impact;
        private readonly RecommendationSource _source = f.Source;
        private readonly Workload _workload = f.Workload;
        private readonly SecurityDomain _domain = f.Domain;

        public RecommendationId Id { get; } = new(f.CheckId);

        public DateTimeOffset? Last { get; set; } = f.Time;

        public Recommendation ToRecommendation(bool riskAccepted)
            => new(
                Id,
                ScanText.Name(_title, Id.Value),
                _source,
                _workload,
                _domain,
                _impact,
                description: _description,
                remediationSteps: _steps,
                isRiskAccepted: riskAccepted,
                lastCalculated: Last,
                threats: _threats,
                tags: _tags);
    }
}
