namespace ExposureSdk.Providers.DefenderForCloud.Mapping;

/// <summary>
/// Reads the parts of an Azure Resource Manager resource id
/// (<c>/subscriptions/{s}/resourceGroups/{g}/providers/{namespace}/{type}/{name}[/{child type}/{child name}…]</c>):
/// ids compare case-insensitively, so the SDK keys assets on the lower-cased id, and the resource type is
/// the namespace and every type segment (<c>microsoft.compute/virtualmachines</c>,
/// <c>microsoft.sql/servers/databases</c>), lower case.
/// </summary>
internal static class ArmResourceId
{
    /// <summary>The resource type of a subscription id.</summary>
    public const string SubscriptionType = "microsoft.resources/subscriptions";

    /// <summary>The resource type of a resource group id.</summary>
    public const string ResourceGroupType = "microsoft.resources/resourcegroups";

    /// <summary>The id in lower case, trimmed, without a trailing slash; <see langword="null"/> when empty.</summary>
    public static string? Normalize(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var trimmed = id.Trim().TrimEnd('/');
        return trimmed.Length == 0 ? null : trimmed.ToLowerInvariant();
    }

    /// <summary>The lower-case resource type, or <see langword="null"/> when the id is not an ARM id.</summary>
    public static string? ResourceType(string normalizedId)
    {
        var segments = normalizedId.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || segments[0] != "subscriptions")
        {
            return null;
        }

        var providers = Array.LastIndexOf(segments, "providers");
        if (providers < 0)
        {
            return segments.Length switch
            {
                2 => SubscriptionType,
                4 when segments[2] == "resourcegroups" => ResourceGroupType,
                _ => null,
            };
        }

        // providers/{namespace}/{type}/{name}/{child type}/{child name}...
        var rest = segments.Length - providers - 1;
        if (rest < 3 || rest % 2 == 0)
        {
            return null;
        }

        var type = new System.Text.StringBuilder(segments[providers + 1]);
        for (var i = providers + 2; i < segments.Length; i += 2)
        {
            type.Append('/').Append(segments[i]);
        }

        return type.ToString();
    }

    /// <summary>The subscription id (lower case) of an ARM id, or <see langword="null"/>.</summary>
    public static string? SubscriptionId(string normalizedId)
    {
        const string prefix = "/subscriptions/";
        if (!normalizedId.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = normalizedId.IndexOf('/', prefix.Length);
        return end < 0 ? normalizedId[prefix.Length..] : normalizedId[prefix.Length..end];
    }

    /// <summary>The last segment of an id (the resource's name), in the id's own casing.</summary>
    public static string Name(string id)
    {
        var trimmed = id.Trim().TrimEnd('/');
        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }
}
