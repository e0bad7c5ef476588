using System.Text.Json;

namespace ExposureSdk;

internal sealed partial class SnapshotDocumentReader
{
    private sealed partial class Records
    {
        /// <summary>The properties of an initiative record (<c>$.initiatives[i]</c>); the JSON name is the member's name in camel case.</summary>
        private enum InitiativeField
        {
            Id,
            Name,
            Kind,
            MetricIds,
            RecommendationIds,
            TargetScore,
            Favorite,
            Description,
        }

        /// <summary>An initiative's fields; <c>null</c> means absent for every one after the kind.</summary>
        private static readonly Fields<InitiativeField> InitiativeFields = new(
            InitiativeField.MetricIds, InitiativeField.RecommendationIds, InitiativeField.TargetScore, InitiativeField.Favorite, InitiativeField.Description);

        /// <summary>Reads one initiative; false, having kept nothing, when the record goes on past the buffer.</summary>
        private bool ReadInitiative(ref Utf8JsonReader r, Item item)
        {
            int id = -1;
            long idStart = 0;
            string? name = null, description = null;
            InitiativeKind? kind = null;
            List<(int Entry, long Start)>? metricIds = null, recommendationIds = null;
            double? targetScore = null;
            var favorite = false;
            var seen = 0;
            while (NextProperty(ref r, InitiativeFields, item, null, ref seen, out InitiativeField field))
            {
                switch (field)
                {
                    case InitiativeField.Id:
                        idStart = r.TokenStartIndex;
                        id = Id(ref r, item.At("id"));
                        break;
                    case InitiativeField.Name:
                        name = Name(ref r, item.At("name"));
                        break;
                    case InitiativeField.Kind:
                        kind = Enum(ref r, SnapshotVocabulary.InitiativeKind, item.At("kind"));
                        break;
                    case InitiativeField.MetricIds:
                        metricIds = Ids(ref r, item.At("metricIds"));
                        break;
                    case InitiativeField.RecommendationIds:
                        recommendationIds = Ids(ref r, item.At("recommendationIds"));
                        break;
                    case InitiativeField.TargetScore:
                        targetScore = Number(ref r, item.At("targetScore"), 0, 100);
                        break;
                    case InitiativeField.Favorite:
                        favorite = Boolean(ref r, item.At("favorite"));
                        break;
                    case InitiativeField.Description:
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
            Missing(kind is null, item, "kind");
            Unique(ref _roles[id].Initiative, id, item, idStart);
            References(metricIds, Role.Metric, item.At("metricIds"), _initiativesChecked);
            References(recommendationIds, Role.Recommendation, item.At("recommendationIds"), _initiativesChecked);
            Initiative initiative;
            try
            {
                initiative = new Initiative(
                    _ids[id], name!, kind!.Value, MetricIdsOf(metricIds), RecommendationIdsOf(recommendationIds), targetScore, favorite, description);
            }
            catch (ArgumentException ex)
            {
                throw Rejected(item, ex);
            }

            _initiatives.Add(initiative);
            return true;
        }
    }
}
