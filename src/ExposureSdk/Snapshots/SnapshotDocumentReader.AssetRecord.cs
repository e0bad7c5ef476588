using System.Text.Json;

namespace ExposureSdk;

internal sealed partial class SnapshotDocumentReader
{
    private sealed partial class Records
    {
        /// <summary>The properties of an asset record (<c>$.assets[i]</c>); the JSON name is the member's name in camel case.</summary>
        private enum AssetField
        {
            Id,
            Kind,
            Name,
            Criticality,
            Tags,
        }

        /// <summary>An asset's fields; <c>null</c> means absent for kind, name and criticality.</summary>
        private static readonly Fields<AssetField> AssetFields = new(AssetField.Kind, AssetField.Name, AssetField.Criticality);

        /// <summary>Reads one asset; false, having kept nothing, when the record goes on past the buffer.</summary>
        private bool ReadAsset(ref Utf8JsonReader r, Item item)
        {
            int id = -1;
            long idStart = 0;
            string? name = null;
            var kind = UnknownKind;
            AssetCriticality? criticality = null;
            List<string>? tags = null;
            var seen = 0;
            while (NextProperty(ref r, AssetFields, item, null, ref seen, out AssetField field))
            {
                switch (field)
                {
                    case AssetField.Id:
                        idStart = r.TokenStartIndex;
                        id = Id(ref r, item.At("id"));
                        break;
                    case AssetField.Kind:
                        kind = AssetKind.Parse(_ids[Id(ref r, item.At("kind"))]);
                        break;
                    case AssetField.Name:
                        name = Name(ref r, item.At("name"));
                        break;
                    case AssetField.Criticality:
                        criticality = Enum(ref r, SnapshotVocabulary.Criticality, item.At("criticality"));
                        break;
                    case AssetField.Tags:
                        tags = Strings(ref r, item.At("tags"));
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
            Unique(ref _roles[id].Asset, id, item, idStart);
            Asset asset;
            try
            {
                asset = new Asset(_ids[id], kind, name, criticality, tags);
            }
            catch (ArgumentException ex)
            {
                throw Rejected(item, ex);
            }

            _assets.Add(asset);
            return true;
        }

    }
}
