using System.Globalization;
using ExposureSdk.Providers.DefenderForCloud.Models;
using ExposureSdk.Providers.MicrosoftGraph.Mapping;

namespace ExposureSdk.Providers.DefenderForCloud.Mapping;

/// <summary>
/// The state of one read: maps assessment pages to assets and assessments as they arrive (domain rules
/// §6), and keeps only what the recommendations and the control points need afterwards: per
/// recommendation a few aggregates, per asset its id and one bit pair per secure score control.
/// </summary>
/// <remarks>
/// Memory is bounded by the number of distinct resources and recommendations, never by the number of
/// assessments or by whole responses.
/// </remarks>
internal sealed class DefenderMapper
{
    private readonly Dictionary<string, AssessmentMetadataProperties> _metadata;
    private readonly Dictionary<string, RecommendationAggregate> _recommendations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResourceState> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _controlsOfMetadata = new(StringComparer.Ordinal);
    private readonly List<string> _controlNames = [];
    private readonly Dictionary<string, long> _assessmentsPerSubscription = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _rowsPerSubscription = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inScope;
    private long _skippedNoResource;
    private long _skippedLongId;
    private long _skippedStatus;
    private long _skippedOutOfScope;
    private long _missingMetadata;

    public DefenderMapper(IEnumerable<ArmResource<AssessmentMetadataProperties>> metadata, IReadOnlyDictionary<string, IReadOnlyList<string>> controlAssessments, IEnumerable<string> subscriptionsInScope)
    {
        _metadata = new Dictionary<string, AssessmentMetadataProperties>(StringComparer.Ordinal);
        foreach (var entry in metadata)
        {
            if (NameOf(entry.Name, entry.Id) is { } name && entry.Properties is { } properties)
            {
                _metadata[name] = properties;
            }
        }

        var byMetadata = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (control, assessments) in controlAssessments.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var index = _controlNames.Count;
            _controlNames.Add(control);
            foreach (var name in assessments)
            {
                // Preview recommendations earn no points (Defender's own rule): they do not decide a resource's health for a control.
                if (_metadata.TryGetValue(name, out var m) && m.Preview == true)
                {
                    continue;
                }

                if (!byMetadata.TryGetValue(name, out var list))
                {
                    byMetadata[name] = list = [];
                }

                if (!list.Contains(index))
                {
                    list.Add(index);
                }
            }
        }

        foreach (var (name, list) in byMetadata)
        {
            _controlsOfMetadata[name] = [.. list];
        }

        _inScope = new HashSet<string>(subscriptionsInScope, StringComparer.Ordinal);
    }

    /// <summary>The distinct assets delivered so far.</summary>
    public long AssetCount => _resources.Count;

    /// <summary>The healthy and unhealthy results delivered so far.</summary>
    public long AssessedCount { get; private set; }

    /// <summary>Healthy and unhealthy results delivered per subscription.</summary>
    public IReadOnlyDictionary<string, long> AssessmentsPerSubscription => _assessmentsPerSubscription;

    /// <summary>Assessment rows of any status (NotApplicable included) delivered per subscription.</summary>
    public IReadOnlyDictionary<string, long> RowsPerSubscription => _rowsPerSubscription;

    /// <summary>Maps one page of assessments; assets are returned only on the first page that mentions them.</summary>
    public DefenderForCloudPage MapPage(IReadOnlyList<ArmResource<AssessmentProperties>> rows)
    {
        var assets = new List<Asset>();
        var assessments = new List<Assessment>(rows.Count);
        foreach (var row in rows)
        {
            var properties = row.Properties;
            var metadataName = NameOf(row.Name, row.Id);
            var resourceId = ArmResourceId.Normalize(properties?.ResourceId);
            if (properties is null || metadataName is null || resourceId is null)
            {
                _skippedNoResource++;
                continue;
            }

            if (resourceId.Length > 512 || metadataName.Length > 512)
            {
                // Neither fits an identifier (issue 17: a 53,808-character assessment name threw ArgumentException; found by fuzzing).
                _skippedLongId++;
                continue;
            }

            AssessmentStatus status;
            switch (properties.StatusCode?.Trim().ToUpperInvariant())
            {
                case "HEALTHY":
                    status = AssessmentStatus.Healthy;
                    break;
                case "UNHEALTHY":
                    status = AssessmentStatus.Unhealthy;
                    break;
                case "NOTAPPLICABLE":
                    status = AssessmentStatus.NotApplicable;
                    break;
                default:
                    _skippedStatus++;
                    continue;
            }

            var subscription = ArmResourceId.SubscriptionId(resourceId) ?? SubscriptionOfAssessment(row) ?? string.Empty;
            var assessmentSubscription = SubscriptionOfAssessment(row) ?? subscription;
            if (_inScope.Count > 0 && !_inScope.Contains(assessmentSubscription))
            {
                _skippedOutOfScope++;
                continue;
            }

            if (!_resources.TryGetValue(resourceId, out var resource))
            {
                var type = ArmResourceId.ResourceType(resourceId);
                resource = new ResourceState(_controlNames.Count);
                _resources[resourceId] = resource;
                assets.Add(new Asset(
                    resourceId,
                    type ?? AssetKind.CloudResource.Name,
                    Truncate(ArmResourceId.Name(properties.ResourceId!)),
                    tags: subscription.Length > 0 ? [Truncate("subscription:" + subscription)] : null));
                resource.Type = type;
            }

            if (!_recommendations.TryGetValue(metadataName, out var aggregate))
            {
                aggregate = new RecommendationAggregate(properties.DisplayName);
                _recommendations[metadataName] = aggregate;
            }

            aggregate.Observe(resource.Type, properties, status);
            _rowsPerSubscription[assessmentSubscription] = _rowsPerSubscription.GetValueOrDefault(assessmentSubscription) + 1;
            assessments.Add(new Assessment(metadataName, resourceId, status));
            if (status == AssessmentStatus.NotApplicable)
            {
                continue;
            }

            AssessedCount++;
            _assessmentsPerSubscription[assessmentSubscription] = _assessmentsPerSubscription.GetValueOrDefault(assessmentSubscription) + 1;
            if (_controlsOfMetadata.TryGetValue(metadataName, out var controls))
            {
                foreach (var control in controls)
                {
                    resource.Mark(control, status == AssessmentStatus.Unhealthy);
                }
            }
        }

        return new DefenderForCloudPage(assets, assessments);
    }

    /// <summary>One recommendation per assessment metadata seen in an assessment (domain rules §6), ordered by id.</summary>
    public List<Recommendation> BuildRecommendations(List<string> warnings)
    {
        var list = new List<Recommendation>(_recommendations.Count);
        foreach (var (name, aggregate) in _recommendations.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            _metadata.TryGetValue(name, out var metadata);
            if (metadata is null)
            {
                _missingMetadata++;
            }

            var tags = new List<string>();
            foreach (var category in metadata?.Categories ?? [])
            {
                tags.Add("category:" + category);
            }

            if (metadata?.Severity is { Length: > 0 } severity)
            {
                tags.Add("severity:" + severity.Trim().ToLowerInvariant());
            }

            foreach (var type in aggregate.ResourceTypes.Order(StringComparer.Ordinal))
            {
                tags.Add("resourceType:" + type);
            }

            if (aggregate.InternetExposed)
            {
                tags.Add("exposure:internet");
            }

            if (metadata?.Preview == true)
            {
                tags.Add("preview");
            }

            AddTag(tags, "assessmentType:", metadata?.AssessmentType);
            AddTag(tags, "userImpact:", metadata?.UserImpact);
            AddTag(tags, "implementationEffort:", metadata?.ImplementationEffort);
            if (metadata is null)
            {
                tags.Add("metadata:missing");
            }

            list.Add(new Recommendation(
                name,
                Truncate(NonBlank(metadata?.DisplayName) ?? NonBlank(aggregate.DisplayName) ?? name),
                RecommendationSource.DefenderForCloud,
                Workload.DefenderForCloud,
                SecurityDomain.Cloud,
                ImpactOf(metadata?.Severity),
                description: Text(metadata?.Description),
                remediationSteps: RemediationText.ToSteps(metadata?.RemediationDescription),
                manageUrl: aggregate.ManageUrl,
                lastStateChange: aggregate.LastStateChange,
                threats: metadata?.Threats?.Where(t => !string.IsNullOrWhiteSpace(t) && t.Length <= 512),
                tags: tags.Select(Truncate))); // a 52,310-character category made a tag too long (issue 17, found by fuzzing)
        }

        AddWarning(warnings, _missingMetadata, "assessment type(s) had no assessment metadata; named from the assessment with Medium impact and tagged metadata:missing");
        AddWarning(warnings, _skippedNoResource, "assessment(s) skipped: no name or resourceDetails.id");
        AddWarning(warnings, _skippedLongId, "assessment(s) skipped: resource id or assessment name longer than 512 characters");
        AddWarning(warnings, _skippedStatus, "assessment(s) skipped: status.code is not Healthy, Unhealthy or NotApplicable");
        AddWarning(warnings, _skippedOutOfScope, "assessment(s) skipped: outside the subscriptions read");
        return list;
    }

    /// <summary>
    /// The control points of one subscription (domain rules §3): per control, current = max × healthy /
    /// (healthy + unhealthy) over the subscription's resources assessed by the control's non-preview
    /// assessments, a resource being healthy only when all of them are healthy on it.
    /// </summary>
    public List<(double Current, double Max)> ControlPoints(string subscriptionId, IReadOnlyDictionary<string, double> controlMax)
    {
        var healthy = new long[_controlNames.Count];
        var unhealthy = new long[_controlNames.Count];
        var prefix = "/subscriptions/" + subscriptionId + "/";
        foreach (var (id, resource) in _resources)
        {
            if (!id.StartsWith(prefix, StringComparison.Ordinal) && !string.Equals(id, prefix[..^1], StringComparison.Ordinal))
            {
                continue;
            }

            for (var c = 0; c < _controlNames.Count; c++)
            {
                switch (resource.State(c))
                {
                    case 1:
                        healthy[c]++;
                        break;
                    case 2:
                        unhealthy[c]++;
                        break;
                }
            }
        }

        var points = new List<(double Current, double Max)>();
        for (var c = 0; c < _controlNames.Count; c++)
        {
            if (!controlMax.TryGetValue(_controlNames[c], out var m) || !(m > 0))
            {
                continue;
            }

            var assessed = healthy[c] + unhealthy[c];
            points.Add((assessed > 0 ? m * healthy[c] / assessed : 0, m));
        }

        return points;
    }

    /// <summary>The metadata name (lower-case GUID) from a resource's <c>name</c>, or the last segment of its <c>id</c>.</summary>
    internal static string? NameOf(string? name, string? id)
    {
        var value = !string.IsNullOrWhiteSpace(name) ? name : id is { Length: > 0 } ? ArmResourceId.Name(id) : null;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
    }

    internal static Impact ImpactOf(string? severity) => severity?.Trim().ToUpperInvariant() switch
    {
        "HIGH" or "CRITICAL" => Impact.High,
        "LOW" => Impact.Low,
        _ => Impact.Medium,
    };

    private static string? SubscriptionOfAssessment(ArmResource<AssessmentProperties> row)
        => row.SubscriptionId is { Length: > 0 } s ? s.Trim().ToLowerInvariant() : ArmResourceId.Normalize(row.Id) is { } id ? ArmResourceId.SubscriptionId(id) : null;

    private static void AddTag(List<string> tags, string prefix, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            tags.Add(prefix + value.Trim());
        }
    }

    private static void AddWarning(List<string> warnings, long count, string what)
    {
        if (count > 0)
        {
            warnings.Add(count.ToString("N0", CultureInfo.InvariantCulture) + " " + what + ".");
        }
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Truncate(string value) => Internal.TextCut.Prefix(value, 512);

    /// <summary>A name that says something, or null (a blank display name falls back to the next one; issue 17, found by fuzzing).</summary>
    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static bool IsPortalLink(Uri uri) => uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp;

    /// <summary>What one recommendation needs from its assessments.</summary>
    private sealed class RecommendationAggregate(string? displayName)
    {
        public string? DisplayName { get; } = displayName;

        public HashSet<string> ResourceTypes { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset? LastStateChange { get; private set; }

        public Uri? ManageUrl { get; private set; }

        public bool InternetExposed { get; private set; }

        private bool _unhealthyLink;

        public void Observe(string? resourceType, AssessmentProperties properties, AssessmentStatus status)
        {
            if (resourceType is not null && ResourceTypes.Count < 64)
            {
                ResourceTypes.Add(resourceType);
            }

            if (properties.StatusChangeDate is { } changed && (LastStateChange is null || changed > LastStateChange))
            {
                LastStateChange = changed;
            }

            // The Manage link: the portal page of an unhealthy resource when there is one, else of any.
            if ((ManageUrl is null || (!_unhealthyLink && status == AssessmentStatus.Unhealthy))
                && properties.AzurePortalUri is { Length: > 0 } link
                && Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri)
                && IsPortalLink(uri))
            {
                ManageUrl = uri;
                _unhealthyLink = status == AssessmentStatus.Unhealthy;
            }

            if (!InternetExposed)
            {
                foreach (var factor in properties.RiskFactors)
                {
                    if (factor.Contains("internet", StringComparison.OrdinalIgnoreCase))
                    {
                        InternetExposed = true;
                        break;
                    }
                }
            }
        }
    }

    /// <summary>Per resource: its type and, per control, whether it was assessed and whether any result was unhealthy.</summary>
    private sealed class ResourceState
    {
        private readonly ulong[] _bits;

        public ResourceState(int controls) => _bits = new ulong[(((controls * 2) + 63) / 64) is var n && n > 0 ? n : 0];

        public string? Type { get; set; }

        public void Mark(int control, bool unhealthy)
        {
            var bit = control * 2;
            _bits[bit >> 6] |= 1UL << (bit & 63);
            if (unhealthy)
            {
                _bits[(bit + 1) >> 6] |= 1UL << ((bit + 1) & 63);
            }
        }

        /// <summary>0 not assessed, 1 healthy, 2 unhealthy.</summary>
        public int State(int control)
        {
            var bit = control * 2;
            if ((_bits[bit >> 6] & (1UL << (bit & 63))) == 0)
            {
                return 0;
            }

            return (_bits[(bit + 1) >> 6] & (1UL << ((bit + 1) & 63))) != 0 ? 2 : 1;
        }
    }
}
