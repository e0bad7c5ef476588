namespace ExposureSdk.Providers.DefenderForCloud;

/// <summary>
/// The Azure Resource Manager endpoints of the national clouds (domain rules §6). Pass one as
/// <see cref="DefenderForCloudOptions.BaseUrl"/>; the access token is only ever sent to that host.
/// </summary>
public static class AzureResourceManagerCloud
{
    /// <summary>The global Azure cloud: <c>https://management.azure.com</c> (the default).</summary>
    public static Uri Global { get; } = new("https://management.azure.com");

    /// <summary>Azure Government: <c>https://management.usgovcloudapi.net</c>.</summary>
    public static Uri UsGovernment { get; } = new("https://management.usgovcloudapi.net");

    /// <summary>Azure operated by 21Vianet (China): <c>https://management.chinacloudapi.cn</c>.</summary>
    public static Uri China { get; } = new("https://management.chinacloudapi.cn");

    /// <summary>The three national-cloud ARM endpoints, global first.</summary>
    public static IReadOnlyList<Uri> All { get; } = [Global, UsGovernment, China];
}
