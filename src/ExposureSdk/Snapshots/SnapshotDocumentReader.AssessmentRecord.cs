using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ExposureSdk;

internal sealed partial class SnapshotDocumentReader
{
    private sealed partial class Records
    {
        /// <summary>The properties of an assessment record (<c>$.assessments[i]</c>); the JSON name is the member's name in camel case.</summary>
        private enum AssessmentField
        {
            RecommendationId,
            AssetId,
            Status,
        }

        /// <summary>An assessment's fields, all required.</summary>
        private static readonly Fields<AssessmentField> AssessmentFields = new();

        /// <summary>Reads one assessment into the columns; false, having kept nothing, when the record goes on past the buffer.</summary>
        private bool ReadAssessment(ref Utf8JsonReader r, Item item)
        {
            int recommendation = -1, asset = -1;
            long recommendationStart = 0;
            var status = -1;
            var seen = 0;
            while (NextProperty(ref r, AssessmentFields, item, null, ref seen, out AssessmentField field))
            {
                switch (field)
                {
                    case AssessmentField.RecommendationId:
                        recommendationStart = r.TokenStartIndex;
                        recommendation = Id(ref r, item.At("recommendationId"));
                        break;
                    case AssessmentField.AssetId:
                        asset = AssessedAsset(ref r, item);
                        break;
                    case AssessmentField.Status:
                        status = (int)Status(ref r, item);
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

            if ((recommendation | asset | status) < 0)
            {
                throw MissingAssessmentProperty(item, recommendation < 0 ? "recommendationId" : asset < 0 ? "assetId" : "status");
            }

            if (_assessmentsChecked && _roles[recommendation].Recommendation == 0)
            {
                Dangling(recommendation, Role.Recommendation, item.At("recommendationId"), recommendationStart);
            }

            if (!_assessments.TryAdd(recommendation, asset, (AssessmentStatus)status))
            {
                throw DuplicateAssessment(item, recommendation, asset);
            }

            return true;
        }

        /// <summary>
        /// The asset of an assessment: assessments usually come asset by asset, so the text is first compared
        /// with the previous assessment's asset id (no hash, no table look-up).
        /// </summary>
        private int AssessedAsset(ref Utf8JsonReader r, Item item)
        {
            if (_lastAsset >= 0 && r.TokenType == JsonTokenType.String && !r.ValueIsEscaped && r.ValueSpan.SequenceEqual(_ids.KeyOf(_lastAsset)))
            {
                return _lastAsset;
            }

            return _lastAsset = Id(ref r, item.At("assetId"));
        }

        private AssessmentStatus Status(ref Utf8JsonReader r, Item item)
        {
            if (r.TokenType == JsonTokenType.String && !r.ValueIsEscaped)
            {
                // The exact spellings first (what the writer produces); anything else goes the general way.
                var text = r.ValueSpan;
                if (text.SequenceEqual("Healthy"u8))
                {
                    return AssessmentStatus.Healthy;
                }

                if (text.SequenceEqual("Unhealthy"u8))
                {
                    return AssessmentStatus.Unhealthy;
                }

                if (text.SequenceEqual("NotApplicable"u8))
                {
                    return AssessmentStatus.NotApplicable;
                }
            }

            return Enum(ref r, SnapshotVocabulary.Status, item.At("status"));
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private SnapshotFormatException MissingAssessmentProperty(Item item, string property)
            => _owner.ErrorAt(item.Start, item.Path, $"missing required property '{property}'.");

        [MethodImpl(MethodImplOptions.NoInlining)]
        private SnapshotFormatException DuplicateAssessment(Item item, int recommendation, int asset)
            => _owner.ErrorAt(item.Start, item.Path,
                $"asset '{Shorten(_ids[asset])}' is assessed against recommendation '{Shorten(_ids[recommendation])}' a second time (first at {Item.PathOf(item.List, _assessments.IndexOf(recommendation, asset))}).");
    }
}
