using System.Text;
using System.Text.Json;

namespace ExposureSdk;

internal sealed partial class SnapshotDocumentReader
{
    private sealed partial class Records
    {
        /// <summary>The properties of a recommendation record (<c>$.recommendations[i]</c>); the JSON name is the member's name in camel case.</summary>
        private enum RecommendationField
        {
            Id,
            Name,
            Source,
            Workload,
            Domain,
            Impact,
            Description,
            RemediationSteps,
            ManageUrl,
            MaxPoints,
            State,
            RiskAccepted,
            LastCalculated,
            LastStateChange,
            Threats,
            Tags,
            Counts,
        }

        /// <summary>The properties of a recommendation's <c>counts</c> object.</summary>
        private enum CountsField
        {
            Affected,
            Total,
        }

        /// <summary>A recommendation's fields; <c>null</c> means absent for every optional one (the six required ones must have a value).</summary>
        private static readonly Fields<RecommendationField> RecommendationFields = new(
            RecommendationField.Description, RecommendationField.RemediationSteps, RecommendationField.ManageUrl, RecommendationField.MaxPoints,
            RecommendationField.State, RecommendationField.RiskAccepted, RecommendationField.LastCalculated, RecommendationField.LastStateChange,
            RecommendationField.Threats, RecommendationField.Tags, RecommendationField.Counts);

        private static readonly Fields<CountsField> CountsFields = new();

        /// <summary>Reads one recommendation; false, having kept nothing, when the record goes on past the buffer.</summary>
        private bool ReadRecommendation(ref Utf8JsonReader r, Item item)
        {
            int id = -1;
            long idStart = 0;
            string? name = null, source = null, workload = null, description = null;
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
            while (NextProperty(ref r, RecommendationFields, item, null, ref seen, out RecommendationField field))
            {
                switch (field)
                {
                    case RecommendationField.Id:
                        idStart = r.TokenStartIndex;
                        id = Id(ref r, item.At("id"));
                        break;
                    case RecommendationField.Name:
                        name = Name(ref r, item.At("name"));
                        break;
                    case RecommendationField.Source:
                        source = _ids[Id(ref r, item.At("source"))];
                        break;
                    case RecommendationField.Workload:
                        workload = _ids[Id(ref r, item.At("workload"))];
                        break;
                    case RecommendationField.Domain:
                        domain = Domain(ref r, item.At("domain"));
                        break;
                    case RecommendationField.Impact:
                        impact = Enum(ref r, SnapshotVocabulary.Impact, item.At("impact"));
                        break;
                    case RecommendationField.Description:
                        description = Text(ref r, item.At("description"));
                        break;
                    case RecommendationField.RemediationSteps:
                        steps = Texts(ref r, item.At("remediationSteps"));
                        break;
                    case RecommendationField.ManageUrl:
                        manageUrl = Url(ref r, item.At("manageUrl"));
                        break;
                    case RecommendationField.MaxPoints:
                        maxPoints = Number(ref r, item.At("maxPoints"), 0, double.MaxValue);
                        break;
                    case RecommendationField.State:
                        state = Enum(ref r, SnapshotVocabulary.State, item.At("state"));
                        break;
                    case RecommendationField.RiskAccepted:
                        riskAccepted = Boolean(ref r, item.At("riskAccepted"));
                        break;
                    case RecommendationField.LastCalculated:
                        lastCalculated = Timestamp(ref r, item.At("lastCalculated"));
                        break;
                    case RecommendationField.LastStateChange:
                        lastStateChange = Timestamp(ref r, item.At("lastStateChange"));
                        break;
                    case RecommendationField.Threats:
                        threats = Strings(ref r, item.At("threats"));
                        break;
                    case RecommendationField.Tags:
                        tags = Strings(ref r, item.At("tags"));
                        break;
                    case RecommendationField.Counts:
                        counts = Counts(ref r, item);
                        break;
                    default: // a property the reader does not know
                        SkipValue(ref r);
                        break;
                }
            }

            if (_incomplete)
            {
                return false;
            }

            Missing(id < 0, item, "id");
            Missing(name is null, item, "name");
            Missing(source is null, item, "source");
            Missing(workload is null, item, "workload");
            Missing(domain is null, item, "domain");
            Missing(impact is null, item, "impact");
            Unique(ref _roles[id].Recommendation, id, item, idStart);
            Recommendation recommendation;
            try
            {
                recommendation = new Recommendation(
                    _ids[id], name!, RecommendationSource.Parse(source!), Workload.Parse(workload!), domain!.Value, impact!.Value, description, steps, manageUrl,
                    maxPoints, state, riskAccepted, lastCalculated, lastStateChange, threats, tags, counts);
            }
            catch (ArgumentException ex)
            {
                throw Rejected(item, ex);
            }

            _recommendations.Add(recommendation);
            return true;
        }

        /// <summary>A recommendation's <c>counts</c> object; <see langword="null"/> when it goes on past the buffer.</summary>
        private ResultCounts? Counts(ref Utf8JsonReader r, Item item)
        {
            if (r.TokenType != JsonTokenType.StartObject)
            {
                throw _owner.Error(ref r, item.At("counts"), $"expected an object, got {Describe(r.TokenType)}.");
            }

            var start = r.TokenStartIndex;
            long? affected = null, total = null;
            long affectedStart = 0;
            var seen = 0;
            while (NextProperty(ref r, CountsFields, item, "counts.", ref seen, out CountsField field))
            {
                switch (field)
                {
                    case CountsField.Affected:
                        affectedStart = r.TokenStartIndex;
                        affected = Count(ref r, item.At("counts.affected"));
                        break;
                    case CountsField.Total:
                        total = Count(ref r, item.At("counts.total"));
                        break;
                    default: // a property the reader does not know
                        SkipValue(ref r);
                        break;
                }
            }

            if (_incomplete)
            {
                return null;
            }

            if (affected is null || total is null)
            {
                throw _owner.ErrorAt(start, item.At("counts").ToString(), $"missing required property '{(affected is null ? "affected" : "total")}'.");
            }

            if (affected > total)
            {
                throw _owner.ErrorAt(affectedStart, item.At("counts.affected").ToString(), FormattableString.Invariant($"{affected} affected is more than the total of {total}."));
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
    }
}
