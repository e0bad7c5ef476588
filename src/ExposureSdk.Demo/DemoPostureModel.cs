namespace ExposureSdk.Demo;

/// <summary>
/// The metrics and initiatives of the demo organization: metrics grouping the demo recommendations,
/// and the 13 predefined initiatives of the product plus two threat-analytics initiatives that appear
/// during the history (so the event stream has <c>NewInitiative</c> events).
/// </summary>
internal static class DemoPostureModel
{
    /// <summary>The id of the threat-analytics initiative published during the history.</summary>
    public const string RansomwareReportId = "ta-storm-0501-hybrid-ransomware";

    /// <summary>The id of the threat-analytics initiative published today.</summary>
    public const string BrowserZeroDayReportId = "ta-browser-zero-day";

    /// <summary>Days before today when <see cref="RansomwareReportId"/> appears.</summary>
    public const int RansomwareReportAge = 9;

    public static IReadOnlyList<Metric> Metrics { get; } = BuildMetrics();

    /// <summary>Gets the initiatives present on a given day.</summary>
    /// <param name="daysAgo">How many days before today (0 = today).</param>
    /// <returns>The initiatives, in a fixed order.</returns>
    public static IReadOnlyList<Initiative> InitiativesOn(int daysAgo)
    {
        var list = new List<Initiative>(PredefinedInitiatives);
        if (daysAgo <= RansomwareReportAge)
        {
            list.Add(new Initiative(
                RansomwareReportId,
                "Threat analytics: Storm-0501 hybrid ransomware campaign",
                InitiativeKind.ThreatAnalytics,
                recommendationIds: ["mde-asr-ransomware", "mde-tamper-protection", "entra-mfa-admins", "mdc-keyvault-purge-protection", "cis-azure-rdp-internet", "mdi-unsecure-delegation", "entra-pim"],
                description: "Storm-0501 moves from on-premises Active Directory to Microsoft Entra ID and Azure, exfiltrates data and deploys ransomware. The recommendations below block the techniques in the report."));
        }

        if (daysAgo == 0)
        {
            list.Add(new Initiative(
                BrowserZeroDayReportId,
                "Threat analytics: Browser zero-day exploited in the wild",
                InitiativeKind.ThreatAnalytics,
                recommendationIds: ["mdvm-update-chrome", "mde-network-protection", "mdvm-update-windows"],
                targetScore: 95,
                description: "A type confusion vulnerability in the V8 JavaScript engine is exploited through malicious advertising. Update browsers and turn on network protection."));
        }

        return list;
    }

    private static readonly Initiative[] PredefinedInitiatives =
    [
        I("business-email-compromise", "Business Email Compromise - Financial fraud", InitiativeKind.HorizontalThreat, null, false,
            "Protects the finance workflows that business email compromise targets: impersonation, mailbox takeover and forwarding.",
            "email-protection", "email-authentication", "mailbox-exfiltration", "mfa-coverage", "risk-policies"),
        I("cis-m365-foundations", "CIS Microsoft 365 Foundations Benchmark", InitiativeKind.Compliance, 90, false,
            "Tracks the Microsoft 365 controls of the CIS Microsoft 365 Foundations Benchmark.",
            "mfa-coverage", "admin-protection", "email-authentication", "oversharing", "mailbox-exfiltration", "guest-hygiene", "tenant-settings"),
        I("cloud-security", "Cloud Security", InitiativeKind.Workload, 80, true,
            "Measures the posture of Azure subscriptions, virtual machines, storage, databases, key vaults, containers and web apps.",
            "vm-protection", "vm-network-exposure", "storage-exposure", "database-security", "secrets-management", "container-security", "web-app-security", "cloud-governance"),
        I("critical-asset-protection", "Critical Asset Protection", InitiativeKind.HorizontalThreat, null, false,
            "Focuses on the assets whose compromise would hurt most: privileged identities, production servers, databases and keys.",
            "admin-protection", "critical-server-vulnerabilities", "vm-protection", "secrets-management", "database-security"),
        I("endpoint-security", "Endpoint Security", InitiativeKind.Workload, 85, true,
            "Measures protection, hardening and patching of workstations, servers and mobile devices.",
            "edr-coverage", "antivirus-protection", "attack-surface-reduction", "vulnerable-software", "device-encryption", "device-hardening", "device-management", "mobile-compliance"),
        I("enterprise-iot-security", "Enterprise IoT Security", InitiativeKind.Workload, null, false,
            "Measures the posture of printers, cameras, VoIP phones and other enterprise IoT devices.",
            "iot-devices"),
        I("external-attack-surface", "External Attack Surface Protection", InitiativeKind.ExternalAttackSurface, null, false,
            "Measures what the organization exposes to the internet: management ports, public storage, APIs and web apps.",
            "internet-facing-weaknesses", "vm-network-exposure", "storage-exposure", "web-app-security"),
        I("identity-security", "Identity Security", InitiativeKind.Workload, 85, true,
            "Measures strong authentication, privileged access and the hygiene of user, guest and service accounts.",
            "mfa-coverage", "admin-protection", "risk-policies", "service-account-hygiene", "guest-hygiene"),
        I("ot-security", "OT Security", InitiativeKind.Workload, null, false,
            "Measures the posture of operational technology: controllers, HMIs and industrial network segments.",
            "ot-devices"),
        I("ransomware-protection", "Ransomware Protection", InitiativeKind.HorizontalThreat, 75, true,
            "Covers the controls that stop human-operated ransomware at each stage: initial access, credential theft, lateral movement and impact.",
            "edr-coverage", "antivirus-protection", "attack-surface-reduction", "vulnerable-software", "device-hardening", "admin-protection", "recovery-protection"),
        I("saas-security", "SaaS Security", InitiativeKind.Workload, null, false,
            "Measures the security configuration of the SaaS apps connected to Microsoft Defender for Cloud Apps.",
            "saas-mfa", "saas-configuration", "saas-sharing", "oauth-app-permissions", "shadow-it"),
        I("vulnerability-assessment", "Vulnerability Assessment", InitiativeKind.HorizontalThreat, null, false,
            "Tracks unpatched software and vulnerability findings on devices, servers and databases.",
            "vulnerable-software", "vm-protection", "database-security", "critical-server-vulnerabilities"),
        I("zero-trust-foundational", "Zero Trust (Foundational)", InitiativeKind.ZeroTrust, null, false,
            "Verify explicitly, use least privilege, assume breach: the foundational Zero Trust controls across identities, devices and data.",
            "mfa-coverage", "admin-protection", "device-management", "data-labeling", "oversharing", "vm-network-exposure", "risk-policies"),
    ];

    private static Initiative I(string id, string name, InitiativeKind kind, double? target, bool favorite, string description, params string[] metricIds)
        => new(id, name, kind, metricIds.Select(m => new MetricId(m)), targetScore: target, isFavorite: favorite, description: description);

    private static Metric[] BuildMetrics()
    {
        return
        [
            M("mfa-coverage", "Users without multifactor authentication", MetricWeight.High,
                "Share of user accounts that can sign in without MFA, through legacy protocols or authenticated SMTP.",
                "entra-mfa-users", "entra-block-legacy-auth", "exo-smtp-auth"),
            M("admin-protection", "Privileged accounts without strong protection", MetricWeight.High,
                "Share of administrators without phishing-resistant MFA, just-in-time activation or least privilege.",
                "entra-mfa-admins", "entra-phishing-resistant-mfa", "entra-pim", "entra-limited-admins", "mdi-dormant-sensitive"),
            M("risk-policies", "Users not covered by identity risk policies", MetricWeight.Medium,
                "Share of users whose risky sign-ins or leaked credentials would not be challenged.",
                "entra-signin-risk", "entra-user-risk"),
            M("service-account-hygiene", "Service accounts with unsafe configurations", MetricWeight.Medium,
                "Share of service accounts with unsecure delegation, weak ciphers, clear-text credentials or non-expiring passwords.",
                "mdi-unsecure-delegation", "mdi-clear-text-credentials", "mdi-weak-cipher", "mdi-password-never-expires", "entra-workload-identities"),
            M("guest-hygiene", "Guest accounts with excessive access", MetricWeight.Low,
                "Share of guest accounts that are inactive or can enumerate the directory.",
                "entra-guest-access", "entra-stale-guests"),
            M("edr-coverage", "Devices without endpoint detection and response", MetricWeight.High,
                "Share of devices not onboarded to Defender for Endpoint, or without block mode or tamper protection.",
                "mde-onboard-devices", "mde-edr-block-mode", "mde-tamper-protection"),
            M("antivirus-protection", "Devices without antivirus protection", MetricWeight.High,
                "Share of Windows devices without real-time or cloud-delivered protection.",
                "mde-av-realtime", "mde-cloud-protection"),
            M("attack-surface-reduction", "Devices without attack surface reduction rules", MetricWeight.Medium,
                "Share of workstations missing at least one of the core attack surface reduction rules.",
                "mde-asr-office-child", "mde-asr-lsass", "mde-asr-ransomware", "mde-asr-email-executables"),
            M("vulnerable-software", "Devices with vulnerable software", MetricWeight.High,
                "Share of devices with at least one missing security update for the browser, the OS, Office, OpenSSL or Java.",
                "mdvm-update-chrome", "mdvm-update-windows", "mdvm-update-office", "mdvm-update-openssl", "mdvm-update-java"),
            M("device-encryption", "Devices without disk encryption", MetricWeight.Medium,
                "Share of laptops, Macs and Android devices whose storage is not encrypted.",
                "mde-bitlocker", "mde-macos-filevault", "intune-android-encryption"),
            M("device-hardening", "Devices with insecure configurations", MetricWeight.Medium,
                "Share of Windows devices with SMBv1, LLMNR, the built-in Administrator, a disabled firewall or shared local passwords.",
                "cis-win-smbv1", "cis-win-local-admin", "cis-win-firewall", "cis-win-llmnr", "mde-network-protection", "intune-laps"),
            M("mobile-compliance", "Mobile devices not meeting compliance", MetricWeight.Low,
                "Share of phones and tablets with an outdated OS, no passcode, no app protection or a jailbreak.",
                "intune-mobile-os-version", "intune-mobile-passcode", "intune-app-protection", "intune-jailbreak"),
            M("device-management", "Devices outside compliance management", MetricWeight.Medium,
                "Share of devices not evaluated by compliance policies, update rings or Windows Hello for Business.",
                "intune-require-compliant", "intune-windows-hello", "intune-update-rings", "intune-macos-updates"),
            M("vm-protection", "Virtual machines without protection", MetricWeight.High,
                "Share of Azure virtual machines without endpoint protection, system updates or vulnerability assessment.",
                "mdc-vm-endpoint-protection", "mdc-vm-system-updates", "mdc-vm-vulnerability-assessment"),
            M("vm-network-exposure", "Internet-exposed management ports", MetricWeight.High,
                "Share of virtual machines and network security groups that expose RDP, SSH or other management ports to the internet.",
                "mdc-vm-jit", "mdc-vm-nsg", "cis-azure-rdp-internet", "cis-azure-ssh-internet"),
            M("storage-exposure", "Storage accounts exposed to the internet", MetricWeight.High,
                "Share of storage accounts with anonymous access, plain HTTP or no network restriction.",
                "mdc-storage-public-access", "mdc-storage-secure-transfer", "mdc-storage-network-rules"),
            M("database-security", "Databases with security findings", MetricWeight.Medium,
                "Share of SQL servers without auditing, encryption, Microsoft Entra authentication or with open vulnerability findings.",
                "mdc-sql-auditing", "mdc-sql-tde", "mdc-sql-vulnerabilities", "mdc-sql-entra-admin"),
            M("secrets-management", "Key vaults without protection", MetricWeight.Medium,
                "Share of key vaults without purge protection or with secrets that never expire.",
                "mdc-keyvault-purge-protection", "mdc-keyvault-secret-expiry"),
            M("container-security", "Kubernetes clusters with insecure configuration", MetricWeight.Medium,
                "Share of AKS clusters without RBAC or with a public API server.",
                "mdc-aks-rbac", "mdc-aks-authorized-ip"),
            M("web-app-security", "Web apps with insecure transport", MetricWeight.Low,
                "Share of App Service apps reachable over HTTP or old TLS versions.",
                "mdc-appservice-https", "mdc-appservice-tls"),
            M("cloud-governance", "Subscriptions with governance gaps", MetricWeight.Medium,
                "Share of subscriptions with too many owners, owners without MFA, no Defender plan or no activity log export.",
                "mdc-subscription-owners", "mdc-subscription-mfa-owners", "mdc-defender-for-servers", "cis-azure-activity-log"),
            M("email-protection", "Mailboxes without advanced email protection", MetricWeight.High,
                "Share of mailboxes not covered by Safe Links, Safe Attachments, impersonation protection or the attachment filter.",
                "mdo-safe-links", "mdo-safe-attachments", "mdo-impersonation", "mdo-priority-accounts", "mdo-common-attachments"),
            M("email-authentication", "Domains without email authentication", MetricWeight.High,
                "Share of accepted domains without DKIM signing or a DMARC reject policy.",
                "exo-dkim", "exo-dmarc"),
            M("mailbox-exfiltration", "Mailboxes at risk of data exfiltration", MetricWeight.Medium,
                "Share of mailboxes that can forward externally or are not audited.",
                "exo-external-forwarding", "exo-mailbox-auditing"),
            M("oversharing", "Sites and teams exposed to oversharing", MetricWeight.Medium,
                "Share of SharePoint sites and teams with anonymous links, open external access or unrestricted guests.",
                "spo-anyone-links", "spo-link-expiration", "spo-default-link-type", "spo-unmanaged-devices", "teams-external-access", "teams-guest-review"),
            M("data-labeling", "Content without sensitivity labels or DLP", MetricWeight.Low,
                "Share of users, sites, teams and devices without sensitivity labels or data loss prevention.",
                "mip-publish-labels", "mip-auto-labeling", "mip-endpoint-dlp", "mip-container-labels"),
            M("oauth-app-permissions", "OAuth apps with risky permissions", MetricWeight.Medium,
                "Share of OAuth apps that are overprivileged, inactive or from unverified publishers.",
                "appg-overprivileged", "appg-unverified-publishers", "appg-inactive-apps"),
            new Metric("saas-mfa", "SaaS accounts without multifactor authentication", MetricWeight.High,
                selector: new MetricSelector(domains: [SecurityDomain.SaaS], tags: ["mfa", "sso"]),
                description: "Share of SaaS app accounts (Atlassian, GitHub, Okta, Salesforce, Slack, Zoom and others) that sign in without MFA or single sign-on."),
            new Metric("saas-configuration", "SaaS apps with insecure configurations", MetricWeight.Medium,
                selector: new MetricSelector(domains: [SecurityDomain.SaaS], tags: ["saas-config"]),
                description: "Share of SaaS configuration items that deviate from the vendor's security baseline."),
            new Metric("saas-sharing", "SaaS content shared publicly", MetricWeight.Medium,
                selector: new MetricSelector(domains: [SecurityDomain.SaaS], tags: ["sharing"]),
                description: "Share of SaaS workspaces, spaces and files shared publicly or with anyone holding the link."),
            M("shadow-it", "Cloud apps not governed by Defender for Cloud Apps", MetricWeight.Low,
                "Share of cloud apps without an app connector, session controls or a sanction decision.",
                "mdca-app-connectors", "mdca-session-controls", "mdca-cloud-discovery", "mdca-block-unsanctioned"),
            M("critical-server-vulnerabilities", "Servers with vulnerable software", MetricWeight.High,
                "Share of Windows and Linux servers and Azure VMs with missing security updates.",
                "mdvm-update-openssl", "mdvm-update-java", "mdc-vm-system-updates"),
            M("internet-facing-weaknesses", "Internet-facing assets with exploitable weaknesses", MetricWeight.High,
                "Share of internet-facing VMs, storage accounts, clusters and web apps with an exposure an attacker can reach.",
                "mdc-vm-jit", "cis-azure-rdp-internet", "mdc-storage-public-access", "mdc-aks-authorized-ip", "mdc-appservice-tls"),
            M("recovery-protection", "Resources an attacker could destroy", MetricWeight.Medium,
                "Share of key vaults and subscriptions without deletion protection or audit trails.",
                "mdc-keyvault-purge-protection", "cis-azure-activity-log"),
            M("tenant-settings", "Tenant-wide protections not configured", MetricWeight.Low,
                "Share of tenant-wide settings (ZAP, spoof intelligence, idle sign-out, audit retention and others) that are not configured.",
                "mdo-zap", "mdo-spo-teams", "mdo-spoof-intelligence", "exo-external-tag", "exo-modern-auth", "spo-idle-session", "teams-anonymous-meetings", "teams-third-party-storage", "mip-audit-retention", "entra-password-expiry", "entra-user-consent"),
            new Metric("iot-devices", "Enterprise IoT devices without segmentation", MetricWeight.Medium,
                selector: new MetricSelector(tags: ["enterprise-iot"]),
                description: "Share of printers, cameras and VoIP phones reachable from user networks. No source in this tenant assesses IoT devices, so the metric is unavailable."),
            new Metric("ot-devices", "OT devices with unpatched firmware", MetricWeight.Medium,
                selector: new MetricSelector(tags: ["ot"]),
                description: "Share of OT controllers with firmware vulnerabilities. No source in this tenant assesses OT devices, so the metric is unavailable."),
        ];
    }

    private static Metric M(string id, string name, MetricWeight weight, string description, params string[] recommendationIds)
        => new(id, name, weight, recommendationIds.Select(r => new RecommendationId(r)), description: description);
}
