using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ExposureSdk;

internal sealed partial class SnapshotDocumentReader
{
    private readonly Records _records;

    /// <summary>
    /// Parses the records of the document (each entirely in the buffer when parsed), checks every field
    /// with its JSON path, and accumulates the lists, the id indexes and the reference checks.
    /// </summary>
    private sealed class Records
    {
        private static readonly string[] RecommendationFields =
        [
            "id", "name", "source", "workload", "domain", "impact", "description", "remediationSteps", "manageUrl", "maxPoints",
            "state", "riskAccepted", "lastCalculated", "lastStateChange", "threats", "tags", "counts",
        ];

        private static readonly string[] AssetFields = ["id", "kind", "name", "criticality", "tags"];

        private static readonly string[] AssessmentFields = ["recommendationId", "assetId", "status"];

        private static readonly string[] MetricFields = ["id", "name", "weight", "recommendationIds", "selector", "description"];

        private static readonly string[] SelectorFields = ["domains", "workloads", "sources", "threats", "tags"];

        private static readonly string[] InitiativeFields = ["id", "name", "kind", "metricIds", "recommendationIds", "targetScore", "favorite", "description"];

        private static readonly string[] CountsFields = ["affected", "total"];

        private static readonly Dictionary<string[], byte[][]> Utf8Names = new[]
        {
            RecommendationFields, AssetFields, AssessmentFields, MetricFields, SelectorFields, InitiativeFields, CountsFields,
        }.ToDictionary(f => f, f => f.Select(Encoding.UTF8.GetBytes).ToArray());

        /// <summary>Every property name the reader knows, by object (for the schema drift test).</summary>
        public static IReadOnlyDictionary<string, IReadOnlyList<string>> KnownProperties { get; } = new Dictionary<string, IReadOnlyList<string>>
        {
            ["$"] = ["schemaVersion", "tenantId", "asOf", "assets", "recommendations", "assessments", "metrics", "initiatives"],
            ["asset"] = AssetFields,
            ["recommendation"] = RecommendationFields,
            ["counts"] = CountsFields,
            ["assessment"] = AssessmentFields,
            ["metric"] = MetricFields,
            ["selector"] = SelectorFields,
            ["initiative"] = InitiativeFields,
        };

        private readonly SnapshotDocumentReader _owner;
        private readonly SnapshotReadOptions _options;
        private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _poolLookup;
        private char[] _chars = new char[1024];
        private byte[] _bytes = new byte[256];

        private int? _schemaVersion;
        private string? _tenantId;
        private DateTimeOffset? _asOf;
        private bool _recommendationsSeen;

        private readonly List<Asset> _assets = [];
        private readonly List<Recommendation> _recommendations = [];
        private readonly List<Assessment> _assessments = [];
        private readonly List<Metric> _metrics = [];
        private readonly List<Initiative> _initiatives = [];

        private readonly Dictionary<string, int> _assetIndex = new(PooledComparer.Instance);
        private readonly Dictionary<string, int> _recommendationIndex = new(PooledComparer.Instance);
        private readonly Dictionary<string, int> _metricIndex = new(PooledComparer.Instance);
        private readonly Dictionary<string, int> _initiativeIndex = new(PooledComparer.Instance);
        private readonly Dictionary<(string Recommendation, string Asset), int> _pairs = new(PooledComparer.Instance);

        // Whether a list's references were checked as it was read (its targets came earlier in the document).
        private bool _recommendationsDone;
        private bool _metricsDone;
        private bool _assessmentsChecked;
        private bool _metricsChecked;
        private bool _initiativesChecked;

        public Records(SnapshotDocumentReader owner)
        {
            _owner = owner;
            _options = owner._options;
            _poolLookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public void ListStarted(Root list)
        {
            switch (list)
            {
                case Root.Assessments:
                    _assessmentsChecked = _recommendationsDone;
                    break;
                case Root.Metrics:
                    _metricsChecked = _recommendationsDone;
                    break;
                case Root.Initiatives:
                    _initiativesChecked = _recommendationsDone && _metricsDone;
                    break;
                case Root.Recommendations:
                    _recommendationsSeen = true;
                    break;
            }
        }

        public void ListCompleted(Root list)
        {
            switch (list)
            {
                case Root.Recommendations:
                    _recommendationsDone = true;
                    break;
                case Root.Metrics:
                    _metricsDone = true;
                    break;
            }
        }

        public void ReadRootScalar(ref Utf8JsonReader r, Root property, Loc path)
        {
            switch (property)
            {
                case Root.SchemaVersion:
                    if (r.TokenType != JsonTokenType.Number)
                    {
                        throw _owner.Error(ref r, path, $"expected the number {SnapshotDocument.SchemaVersion}, got {Describe(r.TokenType)}.");
                    }

                    if (!r.TryGetInt32(out var version) || version != SnapshotDocument.SchemaVersion)
                    {
                        throw _owner.Error(ref r, path, $"unsupported schema version {Encoding.UTF8.GetString(r.ValueSpan)} (this reader supports {SnapshotDocument.SchemaVersion}).");
                    }

                    _schemaVersion = version;
                    break;
                case Root.TenantId:
                    _tenantId = String(ref r, path, _options.MaxIdentifierLength, pooled: false);
                    break;
                case Root.AsOf:
                    _asOf = Timestamp(ref r, path);
                    break;
                default:
                    throw new InvalidOperationException($"Not a scalar property: {property}.");
            }
        }

        public void ReadItem(ref Utf8JsonReader r, Root list, int index)
        {
            var itemStart = r.TokenStartIndex;
            try
            {
                switch (list)
                {
                    case Root.Assets:
                        ReadAsset(ref r, index, itemStart);
                        break;
                    case Root.Recommendations:
                        ReadRecommendation(ref r, index, itemStart);
                        break;
                    case Root.Assessments:
                        ReadAssessment(ref r, index, itemStart);
                        break;
                    case Root.Metrics:
                        ReadMetric(ref r, index, itemStart);
                        break;
                    case Root.Initiatives:
                        ReadInitiative(ref r, index, itemStart);
                        break;
                    default:
                        throw new InvalidOperationException($"Not a list: {list}.");
                }
            }
            catch (InvalidOperationException ex) when (ex is not ObjectDisposedException)
            {
                // Utf8JsonReader raises this for text it cannot transcode (invalid UTF-8).
                throw _owner.ErrorAt(itemStart, Item(ListName(list), index), "invalid text: " + ex.Message);
            }
        }

        public ExposureSnapshot Build()
        {
            Require(_schemaVersion is not null, "schemaVersion");
            Require(_tenantId is not null, "tenantId");
            Require(_asOf is not null, "asOf");
            Require(_recommendationsSeen, "recommendations");

            if (!_assessmentsChecked)
            {
                for (var i = 0; i < _assessments.Count; i++)
                {
                    Dangling(_recommendationIndex, _assessments[i].RecommendationId.Value, new Loc("assessments", i, "recommendationId"), "recommendation", null);
                }
            }

            if (!_metricsChecked)
            {
                for (var i = 0; i < _metrics.Count; i++)
                {
                    var ids = _metrics[i].RecommendationIds;
                    for (var j = 0; j < ids.Count; j++)
                    {
                        Dangling(_recommendationIndex, ids[j].Value, new Loc("metrics", i, "recommendationIds", j), "recommendation", null);
                    }
                }
            }

            if (!_initiativesChecked)
            {
                for (var i = 0; i < _initiatives.Count; i++)
                {
                    var metricIds = _initiatives[i].MetricIds;
                    for (var j = 0; j < metricIds.Count; j++)
                    {
                        Dangling(_metricIndex, metricIds[j].Value, new Loc("initiatives", i, "metricIds", j), "metric", null);
                    }

                    var recommendationIds = _initiatives[i].RecommendationIds;
                    for (var j = 0; j < recommendationIds.Count; j++)
                    {
                        Dangling(_recommendationIndex, recommendationIds[j].Value, new Loc("initiatives", i, "recommendationIds", j), "recommendation", null);
                    }
                }
            }

            // Every rule of ExposureSnapshot's own validation was checked above, with paths and positions
            // (unique ids in each list, references, one assessment per asset and recommendation), so the
            // lists are handed over without a second pass over a possibly huge document.
            return new ExposureSnapshot(_tenantId!, _asOf!.Value, _recommendations, _assets, _assessments, _metrics, _initiatives, validated: true);
        }

        private static void Require(bool present, string property)
        {
            if (!present)
            {
                throw new SnapshotFormatException("$", $"missing required property '{property}'.", null, null);
            }
        }

        private void Dangling(Dictionary<string, int> targets, string id, Loc path, string what, long? tokenStart)
        {
            if (targets.ContainsKey(id))
            {
                return;
            }

            var problem = $"'{Shorten(id)}' names no {what} of the document (dangling id).";
            throw tokenStart is { } start ? _owner.ErrorAt(start, path.ToString(), problem) : new SnapshotFormatException(path.ToString(), problem, null, null);
        }

        private void Unique(Dictionary<string, int> index, string id, string list, int position, long tokenStart)
        {
            if (!index.TryAdd(id, position))
            {
                throw _owner.ErrorAt(tokenStart, new Loc(list, position, "id").ToString(), $"duplicate id '{Shorten(id)}' (first at {Item(list, index[id])}).");
            }
        }

        // ----- records -----

        private void ReadAsset(ref Utf8JsonReader r, int index, long itemStart)
        {
            const string list = "assets";
            string? id = null, name = null;
            long idStart = 0;
            AssetKind kind = AssetKind.Unknown;
            AssetCriticality? criticality = null;
            List<string>? tags = null;
            var seen = 0;
            while (NextProperty(ref r, AssetFields, list, index, null, ref seen, out var field))
            {
                switch (field)
                {
                    case 0:
                        idStart = r.TokenStartIndex;
                        id = String(ref r, new Loc(list, index, "id"), _options.MaxIdentifierLength, pooled: true);
                        break;
                    case 1:
                        kind = IsNull(ref r) ? AssetKind.Unknown : AssetKind.Parse(String(ref r, new Loc(list, index, "kind"), _options.MaxIdentifierLength, pooled: true));
                        break;
                    case 2:
                        name = IsNull(ref r) ? null : String(ref r, new Loc(list, index, "name"), _options.MaxIdentifierLength, pooled: false);
                        break;
                    case 3:
                        criticality = IsNull(ref r) ? null : Enum(ref r, SnapshotVocabulary.Criticality, new Loc(list, index, "criticality"));
                        break;
                    case 4:
                        tags = Strings(ref r, list, index, "tags", _options.MaxIdentifierLength, pooled: true);
                        break;
                    default:
                        SkipValue(ref r);
                        break;
                }
            }

            Missing(id is null, itemStart, list, index, "id");
            Unique(_assetIndex, id!, list, index, idStart);
            _assets.Add(Construct(itemStart, list, index, () => new Asset(id!, kind, name, criticality, tags)));
        }

        private void ReadRecommendation(ref Utf8JsonReader r, int index, long itemStart)
        {
            const string list = "recommendations";
            string? id = null, name = null, source = null, workload = null, description = null;
            long idStart = 0;
            SecurityDomain? domain = null;
            Impact? impact = null;
            List<string>? steps = null, threats = null, tags = null;
            Uri? manageUrl = null;
            double? maxPoints = null;
            ComplianceState? state = null;
            var riskAccepted = false;
            DateTimeOffset? lastCalculated = null, lastStateChange = null;
            ResultCounts? counts = null;
            var seen = 0;
            while (NextProperty(ref r, RecommendationFields, list, index, null, ref seen, out var field))
            {
                if (field >= 6 && IsNull(ref r))
                {
                    continue;
                }

                switch (field)
                {
                    case 0:
                        idStart = r.TokenStartIndex;
                        id = String(ref r, new Loc(list, index, "id"), _options.MaxIdentifierLength, pooled: true);
                        break;
                    case 1:
                        name = String(ref r, new Loc(list, index, "name"), _options.MaxIdentifierLength, pooled: false);
                        break;
                    case 2:
                        source = String(ref r, new Loc(list, index, "source"), _options.MaxIdentifierLength, pooled: true);
                        break;
                    case 3:
                        workload = String(ref r, new Loc(list, index, "workload"), _options.MaxIdentifierLength, pooled: true);
                        break;
                    case 4:
                        domain = Domain(ref r, new Loc(list, index, "domain"));
                        break;
                    case 5:
                        impact = Enum(ref r, SnapshotVocabulary.Impact, new Loc(list, index, "impact"));
                        break;
                    case 6:
                        description = String(ref r, new Loc(list, index, "description"), _options.MaxTextLength, pooled: false);
                        break;
                    case 7:
                        steps = Strings(ref r, list, index, "remediationSteps", _options.MaxTextLength, pooled: false);
                        break;
                    case 8:
                        manageUrl = Url(ref r, new Loc(list, index, "manageUrl"));
                        break;
                    case 9:
                        maxPoints = Number(ref r, new Loc(list, index, "maxPoints"), 0, Recommendation.MaxPointsLimit);
                        break;
                    case 10:
                        state = Enum(ref r, SnapshotVocabulary.State, new Loc(list, index, "state"));
                        break;
                    case 11:
                        riskAccepted = Boolean(ref r, new Loc(list, index, "riskAccepted"));
                        break;
                    case 12:
                        lastCalculated = Timestamp(ref r, new Loc(list, index, "lastCalculated"));
                        break;
                    case 13:
                        lastStateChange = Timestamp(ref r, new Loc(list, index, "lastStateChange"));
                        break;
                    case 14:
                        threats = Strings(ref r, list, index, "threats", _options.MaxIdentifierLength, pooled: true);
                        break;
                    case 15:
                        tags = Strings(ref r, list, index, "tags", _options.MaxIdentifierLength, pooled: true);
                        break;
                    case 16:
                        counts = Counts(ref r, list, index);
                        break;
                    default:
                        SkipValue(ref r);
                        break;
                }
            }

            Missing(id is null, itemStart, list, index, "id");
            Missing(name is null, itemStart, list, index, "name");
            Missing(source is null, itemStart, list, index, "source");
            Missing(workload is null, itemStart, list, index, "workload");
            Missing(domain is null, itemStart, list, index, "domain");
            Missing(impact is null, itemStart, list, index, "impact");
            Unique(_recommendationIndex, id!, list, index, idStart);
            _recommendations.Add(Construct(itemStart, list, index, () => new Recommendation(
                id!, name!, RecommendationSource.Parse(source!), Workload.Parse(workload!), domain!.Value, impact!.Value, description, steps, manageUrl,
                maxPoints, state, riskAccepted, lastCalculated, lastStateChange, threats, tags, counts)));
        }

        private ResultCounts Counts(ref Utf8JsonReader r, string list, int index)
        {
            if (r.TokenType != JsonTokenType.StartObject)
            {
                throw _owner.Error(ref r, new Loc(list, index, "counts"), $"expected an object, got {Describe(r.TokenType)}.");
            }

            var start = r.TokenStartIndex;
            long? affected = null, total = null;
            long affectedStart = 0;
            var seen = 0;
            while (NextProperty(ref r, CountsFields, list, index, "counts.", ref seen, out var field))
            {
                switch (field)
                {
                    case 0:
                        affectedStart = r.TokenStartIndex;
                        affected = Count(ref r, new Loc(list, index, "counts.affected"));
                        break;
                    case 1:
                        total = Count(ref r, new Loc(list, index, "counts.total"));
                        break;
                    default:
                        SkipValue(ref r);
                        break;
                }
            }

            if (affected is null || total is null)
            {
                throw _owner.ErrorAt(start, new Loc(list, index, "counts").ToString(), $"missing required property '{(affected is null ? "affected" : "total")}'.");
            }

            if (affected > total)
            {
                throw _owner.ErrorAt(affectedStart, new Loc(list, index, "counts.affected").ToString(), FormattableString.Invariant($"{affected} affected is more than the total of {total}."));
            }

            return new ResultCounts(affected.Value, total.Value);
        }

        private long Count(ref Utf8JsonReader r, Loc path)
        {
            if (r.TokenType != JsonTokenType.Number)
            {
                throw _owner.Error(ref r, path, $"expected a whole number of 0 or more, got {Describe(r.TokenType)}.");
            }

            if (!r.TryGetInt64(out var value) || value < 0)
            {
                throw _owner.Error(ref r, path, $"expected a whole number of 0 or more, got {Encoding.UTF8.GetString(r.ValueSpan)}.");
            }

            return value;
        }

        private void ReadAssessment(ref Utf8JsonReader r, int index, long itemStart)
        {
            const string list = "assessments";
            string? recommendationId = null, assetId = null;
            long recommendationStart = 0;
            AssessmentStatus? status = null;
            var seen = 0;
            while (NextProperty(ref r, AssessmentFields, list, index, null, ref seen, out var field))
            {
                switch (field)
                {
                    case 0:
                        recommendationStart = r.TokenStartIndex;
                        recommendationId = String(ref r, new Loc(list, index, "recommendationId"), _options.MaxIdentifierLength, pooled: true);
                        break;
                    case 1:
                        assetId = String(ref r, new Loc(list, index, "assetId"), _options.MaxIdentifierLength, pooled: true);
                        break;
                    case 2:
                        status = Enum(ref r, SnapshotVocabulary.Status, new Loc(list, index, "status"));
                        break;
                    default:
                        SkipValue(ref r);
                        break;
                }
            }

            Missing(recommendationId is null, itemStart, list, index, "recommendationId");
            Missing(assetId is null, itemStart, list, index, "assetId");
            Missing(status is null, itemStart, list, index, "status");
            if (_assessmentsChecked)
            {
                Dangling(_recommendationIndex, recommendationId!, new Loc(list, index, "recommendationId"), "recommendation", recommendationStart);
            }

            if (!_pairs.TryAdd((recommendationId!, assetId!), index))
            {
                throw _owner.ErrorAt(itemStart, Item(list, index),
                    $"asset '{Shorten(assetId!)}' is assessed against recommendation '{Shorten(recommendationId!)}' a second time (first at {Item(list, _pairs[(recommendationId!, assetId!)])}).");
            }

            _assessments.Add(new Assessment(new RecommendationId(recommendationId!), new AssetId(assetId!), status!.Value));
        }

        private void ReadMetric(ref Utf8JsonReader r, int index, long itemStart)
        {
            const string list = "metrics";
            string? id = null, name = null, description = null;
            long idStart = 0;
            MetricWeight? weight = null;
            List<string>? recommendationIds = null;
            List<long>? recommendationStarts = null;
            MetricSelector? selector = null;
            var seen = 0;
            while (NextProperty(ref r, MetricFields, list, index, null, ref seen, out var field))
            {
                if (field >= 3 && IsNull(ref r))
                {
                    continue;
                }

                switch (field)
                {
                    case 0:
                        idStart = r.TokenStartIndex;
                        id = String(ref r, new Loc(list, index, "id"), _options.MaxIdentifierLength, pooled: true);
                        break;
                    case 1:
                        name = String(ref r, new Loc(list, index, "name"), _options.MaxIdentifierLength, pooled: false);
                        break;
                    case 2:
                        weight = Enum(ref r, SnapshotVocabulary.Weight, new Loc(list, index, "weight"));
                        break;
                    case 3:
                        recommendationStarts = [];
                        recommendationIds = Strings(ref r, list, index, "recommendationIds", _options.MaxIdentifierLength, pooled: true, recommendationStarts);
                        break;
                    case 4:
                        selector = Selector(ref r, list, index);
                        break;
                    case 5:
                        description = String(ref r, new Loc(list, index, "description"), _options.MaxTextLength, pooled: false);
                        break;
                    default:
                        SkipValue(ref r);
                        break;
                }
            }

            Missing(id is null, itemStart, list, index, "id");
            Missing(name is null, itemStart, list, index, "name");
            Missing(weight is null, itemStart, list, index, "weight");
            Unique(_metricIndex, id!, list, index, idStart);
            if (_metricsChecked && recommendationIds is not null)
            {
                for (var j = 0; j < recommendationIds.Count; j++)
                {
                    Dangling(_recommendationIndex, recommendationIds[j], new Loc(list, index, "recommendationIds", j), "recommendation", recommendationStarts![j]);
                }
            }

            _metrics.Add(Construct(itemStart, list, index, () => new Metric(
                id!, name!, weight!.Value, recommendationIds?.Select(RecommendationId.From), selector, description)));
        }

        private MetricSelector Selector(ref Utf8JsonReader r, string list, int index)
        {
            if (r.TokenType != JsonTokenType.StartObject)
            {
                throw _owner.Error(ref r, new Loc(list, index, "selector"), $"expected an object, got {Describe(r.TokenType)}.");
            }

            List<SecurityDomain>? domains = null;
            List<string>? workloads = null, sources = null, threats = null, tags = null;
            var seen = 0;
            while (NextProperty(ref r, SelectorFields, list, index, "selector.", ref seen, out var field))
            {
                switch (field)
                {
                    case 0:
                        domains = [];
                        if (!IsNull(ref r))
                        {
                            ExpectArray(ref r, new Loc(list, index, "selector.domains"));
                            for (var j = 0; r.Read() && r.TokenType != JsonTokenType.EndArray; j++)
                            {
                                domains.Add(Domain(ref r, new Loc(list, index, "selector.domains", j)));
                            }
                        }

                        break;
                    case 1:
                        workloads = Strings(ref r, list, index, "selector.workloads", _options.MaxIdentifierLength, pooled: true);
                        break;
                    case 2:
                        sources = Strings(ref r, list, index, "selector.sources", _options.MaxIdentifierLength, pooled: true);
                        break;
                    case 3:
                        threats = Strings(ref r, list, index, "selector.threats", _options.MaxIdentifierLength, pooled: true);
                        break;
                    case 4:
                        tags = Strings(ref r, list, index, "selector.tags", _options.MaxIdentifierLength, pooled: true);
                        break;
                    default:
                        SkipValue(ref r);
                        break;
                }
            }

            return new MetricSelector(domains, workloads?.Select(Workload.Parse), sources?.Select(RecommendationSource.Parse), threats, tags);
        }

        private void ReadInitiative(ref Utf8JsonReader r, int index, long itemStart)
        {
            const string list = "initiatives";
            string? id = null, name = null, description = null;
            long idStart = 0;
            InitiativeKind? kind = null;
            List<string>? metricIds = null, recommendationIds = null;
            List<long>? metricStarts = null, recommendationStarts = null;
            double? targetScore = null;
            var favorite = false;
            var seen = 0;
            while (NextProperty(ref r, InitiativeFields, list, index, null, ref seen, out var field))
            {
                if (field >= 3 && IsNull(ref r))
                {
                    continue;
                }

                switch (field)
                {
                    case 0:
                        idStart = r.TokenStartIndex;
                        id = String(ref r, new Loc(list, index, "id"), _options.MaxIdentifierLength, pooled: true);
                        break;
                    case 1:
                        name = String(ref r, new Loc(list, index, "name"), _options.MaxIdentifierLength, pooled: false);
                        break;
                    case 2:
                        kind = Enum(ref r, SnapshotVocabulary.InitiativeKind, new Loc(list, index, "kind"));
                        break;
                    case 3:
                        metricStarts = [];
                        metricIds = Strings(ref r, list, index, "metricIds", _options.MaxIdentifierLength, pooled: true, metricStarts);
                        break;
                    case 4:
                        recommendationStarts = [];
                        recommendationIds = Strings(ref r, list, index, "recommendationIds", _options.MaxIdentifierLength, pooled: true, recommendationStarts);
                        break;
                    case 5:
                        targetScore = Number(ref r, new Loc(list, index, "targetScore"), 0, 100);
                        break;
                    case 6:
                        favorite = Boolean(ref r, new Loc(list, index, "favorite"));
                        break;
                    case 7:
                        description = String(ref r, new Loc(list, index, "description"), _options.MaxTextLength, pooled: false);
                        break;
                    default:
                        SkipValue(ref r);
                        break;
                }
            }

            Missing(id is null, itemStart, list, index, "id");
            Missing(name is null, itemStart, list, index, "name");
            Missing(kind is null, itemStart, list, index, "kind");
            Unique(_initiativeIndex, id!, list, index, idStart);
            if (_initiativesChecked)
            {
                for (var j = 0; j < (metricIds?.Count ?? 0); j++)
                {
                    Dangling(_metricIndex, metricIds![j], new Loc(list, index, "metricIds", j), "metric", metricStarts![j]);
                }

                for (var j = 0; j < (recommendationIds?.Count ?? 0); j++)
                {
                    Dangling(_recommendationIndex, recommendationIds![j], new Loc(list, index, "recommendationIds", j), "recommendation", recommendationStarts![j]);
                }
            }

            _initiatives.Add(Construct(itemStart, list, index, () => new Initiative(
                id!, name!, kind!.Value, metricIds?.Select(MetricId.From), recommendationIds?.Select(RecommendationId.From), targetScore, favorite, description)));
        }

        // ----- values -----

        /// <summary>
        /// Moves to the next property of the current object and to its value. Returns false at the end
        /// of the object. <paramref name="field"/> is the index in <paramref name="names"/>, or -1 for an
        /// unknown property (the caller skips its value).
        /// </summary>
        private bool NextProperty(ref Utf8JsonReader r, string[] names, string list, int index, string? prefix, ref int seen, out int field)
        {
            Next(ref r);
            if (r.TokenType == JsonTokenType.EndObject)
            {
                field = -1;
                return false;
            }

            field = -1;
            var utf8 = Utf8Names[names];
            for (var i = 0; i < utf8.Length; i++)
            {
                if (r.ValueTextEquals(utf8[i]))
                {
                    field = i;
                    break;
                }
            }

            if (field >= 0)
            {
                if ((seen & (1 << field)) != 0)
                {
                    throw _owner.Error(ref r, new Loc(list, index, prefix + names[field]), "the property appears twice.");
                }

                seen |= 1 << field;
            }

            Next(ref r);
            return true;
        }

        private static void Next(ref Utf8JsonReader r)
        {
            if (!r.Read())
            {
                // The record was checked to be complete before parsing; this cannot happen.
                throw new InvalidOperationException("The record ended unexpectedly.");
            }
        }

        private static void SkipValue(ref Utf8JsonReader r)
        {
            if (!r.TrySkip())
            {
                throw new InvalidOperationException("The record ended unexpectedly.");
            }
        }

        private static bool IsNull(ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Null;

        private void Missing(bool missing, long itemStart, string list, int index, string property)
        {
            if (missing)
            {
                throw _owner.ErrorAt(itemStart, Item(list, index), $"missing required property '{property}'.");
            }
        }

        private T Construct<T>(long itemStart, string list, int index, Func<T> create)
        {
            try
            {
                return create();
            }
            catch (ArgumentException ex)
            {
                // A safety net for a rule of the model that the checks above do not mirror.
                var field = ex.ParamName switch
                {
                    null => null,
                    "isRiskAccepted" => "riskAccepted",
                    "isFavorite" => "favorite",
                    var name => name,
                };
                var path = field is null ? Item(list, index) : new Loc(list, index, field).ToString();
                throw _owner.ErrorAt(itemStart, path, ex.Message);
            }
        }

        private void ExpectArray(ref Utf8JsonReader r, Loc path)
        {
            if (r.TokenType != JsonTokenType.StartArray)
            {
                throw _owner.Error(ref r, path, $"expected an array, got {Describe(r.TokenType)}.");
            }
        }

        private List<string> Strings(ref Utf8JsonReader r, string list, int index, string field, int maxLength, bool pooled, List<long>? starts = null)
        {
            var values = new List<string>();
            if (IsNull(ref r))
            {
                return values;
            }

            ExpectArray(ref r, new Loc(list, index, field));
            for (var j = 0; ; j++)
            {
                Next(ref r);
                if (r.TokenType == JsonTokenType.EndArray)
                {
                    return values;
                }

                starts?.Add(r.TokenStartIndex);
                values.Add(String(ref r, new Loc(list, index, field, j), maxLength, pooled));
            }
        }

        private string String(ref Utf8JsonReader r, Loc path, int maxLength, bool pooled)
        {
            if (r.TokenType != JsonTokenType.String)
            {
                throw _owner.Error(ref r, path, $"expected a string, got {Describe(r.TokenType)}.");
            }

            // A character takes at least 1 byte (at most 6 when escaped as \uXXXX): decide "too long" without decoding huge values.
            var byteLength = r.ValueSpan.Length;
            if (byteLength > maxLength * 6L)
            {
                throw _owner.Error(ref r, path, FormattableString.Invariant($"the text is longer than {maxLength} characters."));
            }

            if (_chars.Length < byteLength)
            {
                _chars = new char[Math.Max(byteLength, _chars.Length * 2)];
            }

            var length = r.CopyString(_chars);
            var chars = _chars.AsSpan(0, length);
            if (length > maxLength)
            {
                throw _owner.Error(ref r, path, FormattableString.Invariant($"the text is {length} characters long; at most {maxLength} are allowed."));
            }

            if (chars.IsWhiteSpace())
            {
                throw _owner.Error(ref r, path, "the text must not be empty or white space.");
            }

            if (!pooled)
            {
                return new string(chars);
            }

            if (_poolLookup.TryGetValue(chars, out var existing))
            {
                return existing;
            }

            var text = new string(chars);
            _pool.Add(text, text);
            return text;
        }

        private ReadOnlySpan<byte> Utf8Value(ref Utf8JsonReader r)
        {
            if (!r.ValueIsEscaped)
            {
                return r.ValueSpan;
            }

            if (_bytes.Length < r.ValueSpan.Length)
            {
                _bytes = new byte[r.ValueSpan.Length];
            }

            return _bytes.AsSpan(0, r.CopyString(_bytes));
        }

        private T Enum<T>(ref Utf8JsonReader r, EnumNames<T> names, Loc path)
            where T : struct, System.Enum
        {
            if (r.TokenType != JsonTokenType.String)
            {
                throw _owner.Error(ref r, path, $"expected a string (one of {names.Expected}), got {Describe(r.TokenType)}.");
            }

            if (names.TryParse(Utf8Value(ref r), out var value))
            {
                return value;
            }

            throw _owner.Error(ref r, path, $"unknown value '{Shorten(r.GetString() ?? string.Empty)}' (expected {names.Expected}).");
        }

        private SecurityDomain Domain(ref Utf8JsonReader r, Loc path)
        {
            if (r.TokenType != JsonTokenType.String)
            {
                throw _owner.Error(ref r, path, $"expected a string (one of {SnapshotVocabulary.DomainsExpected}), got {Describe(r.TokenType)}.");
            }

            if (SnapshotVocabulary.TryParseDomain(Utf8Value(ref r), out var domain))
            {
                return domain;
            }

            throw _owner.Error(ref r, path, $"unknown value '{Shorten(r.GetString() ?? string.Empty)}' (expected {SnapshotVocabulary.DomainsExpected}).");
        }

        private double Number(ref Utf8JsonReader r, Loc path, double min, double max)
        {
            if (r.TokenType != JsonTokenType.Number)
            {
                throw _owner.Error(ref r, path, FormattableString.Invariant($"expected a number from {min} to {max}, got {Describe(r.TokenType)}."));
            }

            if (!r.TryGetDouble(out var value) || double.IsNaN(value) || value < min || value > max)
            {
                throw _owner.Error(ref r, path, FormattableString.Invariant($"{Encoding.UTF8.GetString(r.ValueSpan)} is out of range (expected a number from {min} to {max})."));
            }

            return value;
        }

        private bool Boolean(ref Utf8JsonReader r, Loc path)
            => r.TokenType switch
            {
                JsonTokenType.True => true,
                JsonTokenType.False => false,
                _ => throw _owner.Error(ref r, path, $"expected true or false, got {Describe(r.TokenType)}."),
            };

        private Uri Url(ref Utf8JsonReader r, Loc path)
        {
            var text = String(ref r, path, _options.MaxTextLength, pooled: false);
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                return uri;
            }

            throw _owner.Error(ref r, path, $"expected an absolute http or https URL, got '{Shorten(text)}'.");
        }

        private DateTimeOffset Timestamp(ref Utf8JsonReader r, Loc path)
        {
            if (r.TokenType != JsonTokenType.String)
            {
                throw _owner.Error(ref r, path, $"expected an ISO 8601 date and time with an offset (for example 2026-11-21T06:00:00Z), got {Describe(r.TokenType)}.");
            }

            var text = Utf8Value(ref r);
            if (!HasOffset(text) || !r.TryGetDateTimeOffset(out var value))
            {
                throw _owner.Error(ref r, path, $"'{Shorten(r.GetString() ?? string.Empty)}' is not an ISO 8601 date and time with an offset (for example 2026-11-21T06:00:00Z).");
            }

            return value;
        }

        /// <summary>Whether an ISO 8601 text ends with an offset: <c>Z</c> or <c>±hh:mm</c> after the time.</summary>
        private static bool HasOffset(ReadOnlySpan<byte> text)
        {
            if (text.Length == 0 || text.IndexOf((byte)'T') < 0 && text.IndexOf((byte)'t') < 0)
            {
                return false;
            }

            var last = text[^1];
            if (last is (byte)'Z' or (byte)'z')
            {
                return true;
            }

            return text.Length >= 6 && text[^6] is (byte)'+' or (byte)'-' && text[^3] == (byte)':';
        }

        // ----- paths -----

        private static string ListName(Root list) => list switch
        {
            Root.Assets => "assets",
            Root.Recommendations => "recommendations",
            Root.Assessments => "assessments",
            Root.Metrics => "metrics",
            _ => "initiatives",
        };

        private static string Item(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"$.{list}[{index}]");

        private static string Shorten(string value) => value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 77), "...");
    }

    /// <summary>
    /// Compares identifiers by reference: every identifier the reader keeps comes from its string pool,
    /// so equal text is the same instance. Much cheaper than hashing the text again for each of a
    /// million assessments.
    /// </summary>
    private sealed class PooledComparer : IEqualityComparer<string>, IEqualityComparer<(string, string)>
    {
        public static readonly PooledComparer Instance = new();

        public bool Equals(string? x, string? y) => ReferenceEquals(x, y);

        public int GetHashCode(string obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);

        public bool Equals((string, string) x, (string, string) y) => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((string, string) obj)
            => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item2));
    }

    /// <summary>
    /// A JSON path, built as text only when an error is reported (reading a million assessments must
    /// not format a million paths): <c>$.field</c>, <c>$.list[index].field</c> or <c>$.list[index].field[item]</c>.
    /// </summary>
    private readonly record struct Loc(string? List, int Index, string Field, int Item = -1)
    {
        public override string ToString() => List is null
            ? PathOf(Field)
            : Item < 0
                ? string.Create(CultureInfo.InvariantCulture, $"$.{List}[{Index}].{Field}")
                : string.Create(CultureInfo.InvariantCulture, $"$.{List}[{Index}].{Field}[{Item}]");
    }

    private SnapshotFormatException Error(ref Utf8JsonReader reader, Loc path, string problem) => Error(ref reader, path.ToString(), problem);

    /// <summary>An error at a token that started at <paramref name="tokenStart"/> bytes after <see cref="_start"/>.</summary>
    private SnapshotFormatException ErrorAt(long tokenStart, string path, string problem)
    {
        var (line, column) = PositionAt((int)tokenStart);
        return new SnapshotFormatException(path, problem, line, column);
    }

    /// <summary>Every property name the reader knows, by object kind (<c>$</c>, asset, recommendation, counts, assessment, metric, selector, initiative).</summary>
    internal static IReadOnlyDictionary<string, IReadOnlyList<string>> KnownProperties => Records.KnownProperties;
}
