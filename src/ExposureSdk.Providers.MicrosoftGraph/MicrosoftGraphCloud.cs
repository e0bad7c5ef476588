namespace ExposureSdk.Providers.MicrosoftGraph;

/// <summary>
/// The Microsoft Graph v1.0 base URLs of the national clouds (domain rules §5). Pass one as
/// <see cref="MicrosoftGraphProviderOptions.BaseUrl"/>; the token is only ever sent to that host
/// (and to <see cref="MicrosoftGraphProviderOptions.AllowedHosts"/>).
/// </summary>
public static class MicrosoftGraphCloud
{
    /// <summary>The global service: <c>https://graph.microsoft.com/v1.0</c> (the default).</summary>
    public static Uri Global { get; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>Microsoft Graph for US Government L4: <c>https://graph.microsoft.us/v1.0</c>.</summary>
    public static Uri UsGovernment { get; } = new("https://graph.microsoft.us/v1.0");

    /// <summary>Microsoft Graph for US Government L5 (DOD): <c>https://dod-graph.microsoft.us/v1.0</c>.</summary>
    public static Uri UsGovernmentDod { get; } = new("https://dod-graph.microsoft.us/v1.0");

    /// <summary>Microsoft Graph China operated by 21Vianet: <c>https://microsoftgraph.chinacloudapi.cn/v1.0</c>.</summary>
    public static Uri China { get; } = new("https://microsoftgraph.chinacloudapi.cn/v1.0");

    /// <summary>The four national-cloud base URLs, global first.</summary>
    public static IReadOnlyList<Uri> All { get; } = [Global, UsGovernment, UsGovernmentDod, China];
}
