namespace ExposureSdk.Orleans.Tenants;

/// <summary>
/// A tenant's runtime could not be built: the host's <see cref="IExposureTenantFactory"/> does not know the
/// tenant or threw, or the tenant's options or providers are invalid. The message names the tenant and
/// the cause; other tenants are not affected.
/// </summary>
[GenerateSerializer]
public sealed class ExposureTenantConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ExposureTenantConfigurationException()
        : this("unknown", "The tenant is not configured.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public ExposureTenantConfigurationException(string message)
        : base(message)
    {
        TenantId = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ExposureTenantConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        TenantId = string.Empty;
    }

    /// <summary>Creates the exception for a tenant.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="reason">What is wrong (the cause's message).</param>
    /// <param name="innerException">The cause, if any.</param>
    public ExposureTenantConfigurationException(string tenantId, string reason, Exception? innerException = null)
        : base($"Tenant '{tenantId}' is not configured correctly: {reason}", innerException)
    {
        TenantId = tenantId;
    }

    /// <summary>The tenant whose configuration failed.</summary>
    [Id(0)]
    public string TenantId { get; }
}
