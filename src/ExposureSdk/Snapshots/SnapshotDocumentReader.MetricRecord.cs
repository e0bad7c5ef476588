using System.Text.Json;

namespace ExposureSdk;

internal sealed partial class SnapshotDocumentReader
{
    private sealed partial class Records
    {
        /// <summary>The properties of a metric record (<c>$.metrics[i]</c>); the JSON name is the member's name in camel case.</summary>
        private enum MetricField
        {
            Id,
            Name,
            Weight,
            RecommendationIds,
            Selector,
            Description,
        }

        /// <summary>The properties of a metric's <c>selector</c> object.</summary>
        private enum SelectorField
        {
            Domains,
            Workloads,
            Sources,
            Threats,
            Tags,
            Impacts,
        }

        /// <summary>A metric's fields; <c>null</c> means absent for the recommendation ids, the selector and the description.</summary>
        private static readonly Fields<MetricField> MetricFields = new(MetricField.RecommendationIds, MetricField.Selector, MetricField.Description);

        private static readonly Fields<SelectorField> SelectorFields = new();

        /// <summary>Reads one metric; false, having kept nothing, when the record goes on past the buffer.</summary>
        private bool ReadMetric(ref Utf8JsonReader r, Item item)
        {
            int id = -1;
            long idStart = 0;
            string? name = null, description = null;
            MetricWeight? weight = null;
            List<(int Entry, long Start)>? recommendationIds = null;
            MetricSelector? selector = null;
            var seen = 0;
            while (NextProperty(ref r, MetricFields, item, null, ref seen, out MetricField field))
            {
                switch (field)
                {
                    case MetricField.Id:
                        idStart = r.TokenStartIndex;
                        id = Id(ref r, item.At("id"));
                        break;
                    case MetricField.Name:
                        name = Name(ref r, item.At("name"));
                        break;
                    case MetricField.Weight:
                        weight = Enum(ref r, SnapshotVocabulary.Weight, item.At("weight"));
                        break;
                    case MetricField.RecommendationIds:
                        recommendationIds = Ids(ref r, item.At("recommendationIds"));
                        break;
                    case MetricField.Selector:
                        selector = Selector(ref r, item);
                        break;
                    case MetricField.Description:
                        description = Text(ref r, item.At("description"));
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
            Missing(weight is null, item, "weight");
            Unique(ref _roles[id].Metric, id, item, idStart);
            References(recommendationIds, Role.Recommendation, item.At("recommendationIds"), _metricsChecked);
            Metric metric;
            try
            {
                metric = new Metric(_ids[id], name!, weight!.Value, RecommendationIdsOf(recommendationIds), selector, description);
            }
            catch (ArgumentException ex)
            {
                throw Rejected(item, ex);
            }

            _metrics.Add(metric);
            return true;
        }

        /// <summary>A metric's <c>selector</c> object; <see langword="null"/> when it goes on past the buffer.</summary>
        private MetricSelector? Selector(ref Utf8JsonReader r, Item item)
        {
            if (r.TokenType != JsonTokenType.StartObject)
            {
                throw _owner.Error(ref r, item.At("selector"), $"expected an object, got {Describe(r.TokenType)}.");
            }

            List<SecurityDomain>? domains = null;
            List<Impact>? impacts = null;
            List<string>? workloads = null, sources = null, threats = null, tags = null;
            var seen = 0;
            while (NextProperty(ref r, SelectorFields, item, "selector.", ref seen, out SelectorField field))
            {
                switch (field)
                {
                    case SelectorField.Domains:
                        domains = [];
                        if (!IsNull(ref r))
                        {
                            ExpectArray(ref r, item.At("selector.domains"));
                            for (var j = 0; NextElement(ref r); j++)
                            {
                                domains.Add(Domain(ref r, item.At("selector.domains", j)));
                            }
                        }

                        break;
                    case SelectorField.Workloads:
                        workloads = Strings(ref r, item.At("selector.workloads"));
                        break;
                    case SelectorField.Sources:
                        sources = Strings(ref r, item.At("selector.sources"));
                        break;
                    case SelectorField.Threats:
                        threats = Strings(ref r, item.At("selector.threats"));
                        break;
                    case SelectorField.Tags:
                        tags = Strings(ref r, item.At("selector.tags"));
                        break;
                    case SelectorField.Impacts:
                        impacts = [];
                        if (!IsNull(ref r))
                        {
                            ExpectArray(ref r, item.At("selector.impacts"));
                            for (var j = 0; NextElement(ref r); j++)
                            {
                                impacts.Add(Enum(ref r, SnapshotVocabulary.Impact, item.At("selector.impacts", j)));
                            }
                        }

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

            return new MetricSelector(domains, workloads?.Select(Workload.Parse), sources?.Select(RecommendationSource.Parse), threats, tags, impacts);
        }
    }
}
