using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace ExposureSdk;

internal sealed partial class SnapshotDocumentReader
{
    private readonly Records _records;

    /// <summary>
    /// Parses the records of the document, checks every field with its JSON path, and accumulates the
    /// lists, the id indexes and the reference checks.
    /// </summary>
    /// <remarks>
    /// Identifiers (and the other repeated strings: kinds, sources, workloads, tags, threats) are interned
    /// in a <see cref="Utf8StringTable"/> keyed on their UTF-8 bytes, so a text seen before costs a hash
    /// and a byte comparison (no decoding, no allocation), and every distinct text is an integer entry.
    /// Which list item an entry identifies is kept per entry (<see cref="Roles"/>): duplicate ids and
    /// dangling references are array look-ups, and assessments are stored as integer columns.
    /// </remarks>
    private sealed partial class Records
    {
        private static readonly AssetKind UnknownKind = AssetKind.Unknown;

        /// <summary>Every property name the reader knows, by object (for the schema drift test).</summary>
        /// <remarks>Built on each call: the field tables are static fields of the record files, whose initialisation order is not defined relative to this one.</remarks>
        public static IReadOnlyDictionary<string, IReadOnlyList<string>> KnownProperties => new Dictionary<string, IReadOnlyList<string>>
        {
            ["$"] = ["schemaVersion", "tenantId", "asOf", "assets", "recommendations", "assessments", "metrics", "initiatives"],
            ["asset"] = AssetFields.Names,
            ["recommendation"] = RecommendationFields.Names,
            ["counts"] = CountsFields.Names,
            ["assessment"] = AssessmentFields.Names,
            ["metric"] = MetricFields.Names,
            ["selector"] = SelectorFields.Names,
            ["initiative"] = InitiativeFields.Names,
        };

        private readonly SnapshotDocumentReader _owner;
        private readonly SnapshotReadOptions _options;
        private readonly Utf8StringTable _ids = new();
        private Roles[] _roles = ScratchArrays.RentCleared<Roles>(512);
        private char[] _chars = new char[1024];
        private byte[] _bytes = new byte[256];
        private int _lastAsset = -1;

        // Set when a record being read goes on past the end of the buffer (see Next); cleared per record.
        private bool _incomplete;

        private int? _schemaVersion;
        private string? _tenantId;
        private DateTimeOffset? _asOf;
        private bool _recommendationsSeen;

        private readonly List<Asset> _assets = [];
        private readonly List<Recommendation> _recommendations = [];
        private readonly AssessmentColumns.Builder _assessments = new();
        private readonly List<Metric> _metrics = [];
        private readonly List<Initiative> _initiatives = [];

        // References read before their targets' list, checked at the end (in document order).
        private readonly List<Reference> _laterReferences = [];

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
                    _tenantId = Name(ref r, path);
                    break;
                case Root.AsOf:
                    _asOf = Timestamp(ref r, path);
                    break;
                default:
                    throw new InvalidOperationException($"Not a scalar property: {property}.");
            }
        }

        /// <summary>
        /// Reads one list item; <paramref name="r"/> is on its <c>{</c>. Returns false, having kept nothing,
        /// when the item does not end within the buffer (the caller refills and reads it again).
        /// </summary>
        public bool ReadItem(ref Utf8JsonReader r, Root list, int index)
        {
            var item = new Item(ListName(list), index, r.TokenStartIndex);
            _incomplete = false;
            try
            {
                switch (list)
                {
                    case Root.Assets:
                        return ReadAsset(ref r, item);
                    case Root.Recommendations:
                        return ReadRecommendation(ref r, item);
                    case Root.Assessments:
                        return ReadAssessment(ref r, item);
                    case Root.Metrics:
                        return ReadMetric(ref r, item);
                    case Root.Initiatives:
                        return ReadInitiative(ref r, item);
                    default:
                        throw new InvalidOperationException($"Not a list: {list}.");
                }
            }
            catch (InvalidOperationException ex) when (ex is not ObjectDisposedException)
            {
                // Utf8JsonReader raises this for text it cannot transcode (invalid UTF-8).
                throw _owner.ErrorAt(item.Start, item.Path, "invalid text: " + ex.Message);
            }
        }

        /// <summary>Returns the read's working arrays to the pool (the snapshot keeps none of them).</summary>
        public void Release()
        {
            ScratchArrays.Return(ref _roles);
            _ids.Release();
            _assessments.Release();
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
                    Dangling(_assessments.RecommendationAt(i), Role.Recommendation, new Loc("assessments", i, "recommendationId"), null);
                }
            }

            foreach (var reference in _laterReferences)
            {
                Dangling(reference.Entry, reference.Target, reference.Path, null);
            }

            // Every rule of ExposureSnapshot's own validation was checked above, with paths and positions
            // (unique ids in each list, references, one assessment per asset and recommendation), so the
            // lists are handed over without a second pass over a possibly huge document.
            return ExposureSnapshot.FromValidatedLists(_tenantId!, _asOf!.Value, _recommendations, _assets, _assessments.Build(_ids.Values), _metrics, _initiatives);
        }

        private static void Require(bool present, string property)
        {
            if (!present)
            {
                throw new SnapshotFormatException("$", $"missing required property '{property}'.", null, null);
            }
        }

        // ----- identities and references -----

        /// <summary>Records that <paramref name="entry"/> is the id of <paramref name="item"/> in its list (<paramref name="role"/> is the entry's slot for that list).</summary>
        private void Unique(ref int role, int entry, Item item, long idStart)
        {
            if (role != 0)
            {
                throw _owner.ErrorAt(idStart, item.At("id").ToString(), $"duplicate id '{Shorten(_ids[entry])}' (first at {Item.PathOf(item.List, role - 1)}).");
            }

            role = item.Index + 1;
        }

        /// <summary>Checks references now when their targets were read already (<paramref name="now"/>), otherwise at the end.</summary>
        private void References(List<(int Entry, long Start)>? ids, Role target, Loc path, bool now)
        {
            for (var j = 0; j < (ids?.Count ?? 0); j++)
            {
                var (entry, start) = ids![j];
                if (now)
                {
                    Dangling(entry, target, path with { Item = j }, start);
                }
                else
                {
                    _laterReferences.Add(new Reference(entry, target, path with { Item = j }));
                }
            }
        }

        private void Dangling(int entry, Role target, Loc path, long? tokenStart)
        {
            ref var roles = ref _roles[entry];
            if ((target == Role.Recommendation ? roles.Recommendation : roles.Metric) != 0)
            {
                return;
            }

            var problem = $"'{Shorten(_ids[entry])}' names no {(target == Role.Recommendation ? "recommendation" : "metric")} of the document (dangling id).";
            throw tokenStart is { } start ? _owner.ErrorAt(start, path.ToString(), problem) : new SnapshotFormatException(path.ToString(), problem, null, null);
        }

        // ----- values -----

        /// <summary>
        /// Moves to the next property of the current object and to its value. Returns false at the end of
        /// the object, or when the record goes on past the buffer (<see cref="_incomplete"/> is then set).
        /// <paramref name="field"/> is the property, or a value outside <typeparamref name="TField"/>'s members
        /// (-1) for a property the reader does not know (the caller skips its value). A property whose
        /// <c>null</c> means absent (<see cref="Fields{TField}.NullMeansAbsent"/>) and is <c>null</c> is passed over.
        /// </summary>
        private bool NextProperty<TField>(ref Utf8JsonReader r, Fields<TField> fields, Item item, string? prefix, ref int seen, out TField field)
            where TField : struct, System.Enum
        {
            while (true)
            {
                if (Next(ref r) is JsonTokenType.EndObject or JsonTokenType.None)
                {
                    field = default;
                    return false;
                }

                // Writers usually keep one order: try the field after the last one seen first.
                var index = fields.Find(Utf8Value(ref r), seen == 0 ? 0 : 32 - BitOperations.LeadingZeroCount((uint)seen));
                if (index >= 0)
                {
                    if ((seen & (1 << index)) != 0)
                    {
                        throw _owner.Error(ref r, item.At(prefix + fields.Names[index]), "the property appears twice.");
                    }

                    seen |= 1 << index;
                }

                if (Next(ref r) == JsonTokenType.None)
                {
                    field = default;
                    return false;
                }

                if (index >= 0 && r.TokenType == JsonTokenType.Null && fields.NullMeansAbsent(index))
                {
                    continue;
                }

                field = Unsafe.As<int, TField>(ref index);
                return true;
            }
        }

        /// <summary>
        /// Reads the next token of the record. At the end of the buffer (the record goes on past it) it returns
        /// <see cref="JsonTokenType.None"/> and sets <see cref="_incomplete"/>; once set, every later call does
        /// the same, so the record's loops end and its reader returns false.
        /// </summary>
        private JsonTokenType Next(ref Utf8JsonReader r)
        {
            if (!_incomplete && r.Read())
            {
                return r.TokenType;
            }

            _incomplete = true;
            return JsonTokenType.None;
        }

        /// <summary>Moves to the next element of an array; false at its end or when the record goes on past the buffer.</summary>
        private bool NextElement(ref Utf8JsonReader r) => Next(ref r) is not (JsonTokenType.EndArray or JsonTokenType.None);

        /// <summary>Skips the current value; sets <see cref="_incomplete"/> when it goes on past the buffer.</summary>
        private void SkipValue(ref Utf8JsonReader r)
        {
            if (_incomplete || !r.TrySkip())
            {
                _incomplete = true;
            }
        }

        private static bool IsNull(ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Null;

        private void Missing(bool missing, Item item, string property)
        {
            if (missing)
            {
                throw _owner.ErrorAt(item.Start, item.Path, $"missing required property '{property}'.");
            }
        }

        /// <summary>The recommendation ids of a list as the model takes them (<c>null</c> stays <c>null</c>).</summary>
        private RecommendationId[]? RecommendationIdsOf(List<(int Entry, long Start)>? entries)
        {
            if (entries is null)
            {
                return null;
            }

            var ids = new RecommendationId[entries.Count];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = new RecommendationId(_ids[entries[i].Entry]);
            }

            return ids;
        }

        /// <summary>The metric ids of a list as the model takes them (<c>null</c> stays <c>null</c>).</summary>
        private MetricId[]? MetricIdsOf(List<(int Entry, long Start)>? entries)
        {
            if (entries is null)
            {
                return null;
            }

            var ids = new MetricId[entries.Count];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = new MetricId(_ids[entries[i].Entry]);
            }

            return ids;
        }

        /// <summary>
        /// A model constructor rejected what the checks above let through: a safety net for a rule of the
        /// model that they do not mirror, reported at the record with the field the constructor names.
        /// </summary>
        private SnapshotFormatException Rejected(Item item, ArgumentException ex)
        {
            var field = ex.ParamName switch
            {
                null => null,
                "isRiskAccepted" => "riskAccepted",
                "isFavorite" => "favorite",
                var name => name,
            };
            return _owner.ErrorAt(item.Start, field is null ? item.Path : item.At(field).ToString(), ex.Message);
        }
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
