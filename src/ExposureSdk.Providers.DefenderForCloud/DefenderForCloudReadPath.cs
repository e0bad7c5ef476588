namespace ExposureSdk.Providers.DefenderForCloud;

/// <summary>How <see cref="DefenderForCloudProvider"/> reads the assessments, scores and plans of the subscriptions.</summary>
public enum DefenderForCloudReadPath
{
    /// <summary>
    /// Azure Resource Graph (the default; tenant scale): <c>POST /providers/Microsoft.ResourceGraph/resources</c>
    /// over the <c>securityresources</c> table, the subscriptions in batches, 1,000 rows a page, paged by
    /// <c>$skipToken</c>. Assessment metadata and secure score control definitions are read once for the
    /// tenant from the Microsoft.Security REST API.
    /// </summary>
    ResourceGraph = 0,

    /// <summary>
    /// The Microsoft.Security REST API, subscription by subscription (<c>nextLink</c> paging): for tenants
    /// where Resource Graph is not allowed, and for auditing one subscription.
    /// </summary>
    Rest = 1,
}
