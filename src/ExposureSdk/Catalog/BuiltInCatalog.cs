namespace ExposureSdk.Catalog;

/// <summary>
/// The data of <see cref="ExposureCatalog.BuiltIn"/>: selector-based metrics and the 13 predefined
/// initiatives. Threat values are the camelCase threats of Microsoft Secure Score control profiles
/// (<c>accountBreach</c>, <c>dataDeletion</c>, <c>dataExfiltration</c>, <c>dataSpillage</c>,
/// <c>elevationOfPrivilege</c>, <c>maliciousInsider</c>, <c>passwordCracking</c>,
/// <c>phishingOrWhaling</c>, <c>spoofing</c>); tags are conventions a provider or a user can put on
/// recommendations (for example <c>internet-facing</c>, <c>ransomware</c>, <c>iot</c>, <c>ot</c>).
/// </summary>
internal static class BuiltInCatalog
{
    private static readonly Workload DefenderForIot = Workload.Parse("Defender for IoT");
    private static readonly Workload DefenderEasm = Workload.Parse("Defender External Attack Surface Management");

    public static Metric[] Metrics() =>
    [
        // Identity
        M("identity-entra-id", "Microsoft Entra ID recommendations not met", MetricWeight.High,
            "Identity configuration of Microsoft Entra ID: MFA, Conditional Access, privileged roles, legacy authentication.",
            workloads: [Workload.MicrosoftEntraId]),
        M("identity-on-premises", "On-premises identity weaknesses (Defender for Identity)", MetricWeight.Medium,
            "Active Directory posture reported by Defender for Identity: delegation, weak ciphers, dormant and exposed accounts.",
            workloads: [Workload.DefenderForIdentity]),
        M("identity-account-breach", "Identity controls against account breach", MetricWeight.High,
            "Identity recommendations that mitigate account breach and password cracking.",
            domains: [SecurityDomain.Identity], threats: ["accountBreach", "passwordCracking"]),
        M("privilege-escalation", "Controls against elevation of privilege", MetricWeight.High,
            "Recommendations that mitigate elevation of privilege and malicious insiders.",
            threats: ["elevationOfPrivilege", "maliciousInsider"]),

        // Endpoints
        M("endpoint-defender", "Defender for Endpoint recommendations not met", MetricWeight.High,
            "Onboarding, EDR in block mode, tamper protection, attack surface reduction and antivirus on devices.",
            workloads: [Workload.DefenderForEndpoint]),
        M("endpoint-intune", "Device management and compliance (Intune)", MetricWeight.Medium,
            "Device compliance, encryption, update and app-protection policies managed with Intune.",
            workloads: [Workload.Intune]),
        M("endpoint-devices", "Device recommendations not met", MetricWeight.Medium,
            "Every recommendation in the Devices domain, whatever its source.",
            domains: [SecurityDomain.Devices]),

        // Email and collaboration
        M("email-protection", "Email protection recommendations not met", MetricWeight.High,
            "Exchange Online and Defender for Office settings: anti-phishing, safe links and attachments, forwarding, authentication.",
            workloads: [Workload.ExchangeOnline, Workload.DefenderForOffice]),
        M("phishing-and-spoofing", "Controls against phishing and spoofing", MetricWeight.High,
            "Recommendations that mitigate phishing, whaling and spoofing.",
            threats: ["phishingOrWhaling", "spoofing"]),
        M("collaboration-sharing", "Collaboration and sharing recommendations not met", MetricWeight.Medium,
            "SharePoint Online and Microsoft Teams settings: external sharing, guest access, meeting policies.",
            workloads: [Workload.SharePointOnline, Workload.MicrosoftTeams]),

        // Data
        M("data-protection", "Data protection recommendations not met", MetricWeight.Medium,
            "Every recommendation in the Data domain: labels, data loss prevention, retention.",
            domains: [SecurityDomain.Data]),
        M("data-exfiltration", "Controls against data exfiltration and destruction", MetricWeight.High,
            "Recommendations that mitigate data exfiltration, data spillage and data deletion.",
            threats: ["dataExfiltration", "dataSpillage", "dataDeletion"]),

        // Cloud
        M("cloud-defender-for-cloud", "Defender for Cloud recommendations not met", MetricWeight.High,
            "Azure and multicloud resource recommendations assessed by Microsoft Defender for Cloud.",
            sources: [RecommendationSource.DefenderForCloud]),
        M("cloud-resources", "Cloud infrastructure recommendations not met", MetricWeight.Medium,
            "Every recommendation in the Cloud domain, whatever its source.",
            domains: [SecurityDomain.Cloud]),

        // Cloud, by resource family: the recommendations Defender for Cloud assessed on resources of the
        // family (the provider tags each recommendation resourceType:{type} for every type it assessed).
        M("cloud-virtual-machines", "Virtual machines with unresolved recommendations", MetricWeight.High,
            "Azure virtual machines, scale sets and Azure Arc-enabled servers assessed by Defender for Cloud.",
            tags: ResourceTypes(
                "microsoft.compute/virtualmachines", "microsoft.compute/virtualmachinescalesets", "microsoft.hybridcompute/machines",
                "microsoft.classiccompute/virtualmachines")),
        M("cloud-storage-accounts", "Storage accounts with unresolved recommendations", MetricWeight.High,
            "Azure storage accounts assessed by Defender for Cloud: public access, secure transfer, network rules, keys.",
            tags: ResourceTypes("microsoft.storage/storageaccounts", "microsoft.classicstorage/storageaccounts")),
        M("cloud-key-vaults", "Key vaults with unresolved recommendations", MetricWeight.High,
            "Azure Key Vault vaults and managed HSMs assessed by Defender for Cloud: deletion protection, expiry, network access.",
            tags: ResourceTypes("microsoft.keyvault/vaults", "microsoft.keyvault/managedhsms")),
        M("cloud-sql", "SQL servers and databases with unresolved recommendations", MetricWeight.High,
            "Azure SQL servers, databases, managed instances and SQL virtual machines assessed by Defender for Cloud.",
            tags: ResourceTypes(
                "microsoft.sql/servers", "microsoft.sql/servers/databases", "microsoft.sql/managedinstances",
                "microsoft.sql/managedinstances/databases", "microsoft.sqlvirtualmachine/sqlvirtualmachines")),
        M("cloud-kubernetes", "Kubernetes clusters with unresolved recommendations", MetricWeight.High,
            "AKS clusters and Azure Arc-enabled Kubernetes clusters assessed by Defender for Cloud.",
            tags: ResourceTypes("microsoft.containerservice/managedclusters", "microsoft.kubernetes/connectedclusters")),
        M("cloud-app-service", "App Service apps with unresolved recommendations", MetricWeight.Medium,
            "Web, API and function apps of Azure App Service, and their deployment slots, assessed by Defender for Cloud.",
            tags: ResourceTypes("microsoft.web/sites", "microsoft.web/sites/slots")),
        M("cloud-network-security-groups", "Network security groups with unresolved recommendations", MetricWeight.Medium,
            "Network security groups assessed by Defender for Cloud: rules open to the internet, flow logs.",
            tags: ResourceTypes("microsoft.network/networksecuritygroups")),
        M("cloud-public-ips", "Public IP addresses with unresolved recommendations", MetricWeight.Medium,
            "Public IP addresses assessed by Defender for Cloud: DDoS protection and exposure of what they front.",
            tags: ResourceTypes("microsoft.network/publicipaddresses")),
        M("cloud-identity-and-access", "Cloud identity and access recommendations not met", MetricWeight.High,
            "Defender for Cloud recommendations in the IdentityAndAccess category: MFA and guest accounts with permissions on subscriptions, privileged access to resources.",
            tags: ["category:IdentityAndAccess"]),
        M("cloud-internet-exposed", "Internet-exposed cloud resources with unresolved recommendations", MetricWeight.High,
            "Cloud recommendations whose assessments report exposure to the internet (Defender for Cloud tags them exposure:internet), or tagged internet-facing.",
            domains: [SecurityDomain.Cloud], tags: ["exposure:internet", "internet-facing"]),
        M("cloud-high-severity", "Cloud resources with unresolved high-severity recommendations", MetricWeight.High,
            "Every High-impact recommendation in the Cloud domain (Defender for Cloud severity High; scanner severity High or Critical).",
            domains: [SecurityDomain.Cloud], impacts: [Impact.High]),

        // SaaS
        M("saas-cloud-apps", "Defender for Cloud Apps and app governance recommendations not met", MetricWeight.High,
            "SaaS security posture and OAuth app governance from Microsoft Defender for Cloud Apps.",
            workloads: [Workload.DefenderForCloudApps, Workload.AppGovernance]),
        M("saas-connected-apps", "Connected SaaS app configurations not met", MetricWeight.Medium,
            "Security configuration of the third-party SaaS apps the product documents as workloads.",
            workloads:
            [
                Workload.Atlassian, Workload.CitrixShareFile, Workload.DocuSign, Workload.Dropbox, Workload.GitHub, Workload.GoogleWorkspace,
                Workload.NetDocuments, Workload.Okta, Workload.Salesforce, Workload.ServiceNow, Workload.Slack, Workload.Workplace,
                Workload.Zendesk, Workload.Zoom,
            ]),
        M("saas-domain", "SaaS recommendations not met", MetricWeight.Medium,
            "Every recommendation in the SaaS domain, whatever its source.",
            domains: [SecurityDomain.SaaS]),

        // Compliance: one metric per section of the CIS Microsoft 365 Foundations Benchmark (any version),
        // selected by the cis-m365-section:{n} tags the scanner providers write (Maester's CIS tests and
        // Prowler's Microsoft 365 checks).
        CisM365Section(1, "Microsoft 365 admin center", "Administrative accounts, users and groups, and organization settings of the Microsoft 365 admin center."),
        CisM365Section(2, "Microsoft 365 Defender", "Email and collaboration protection, audit and cloud apps settings of Microsoft 365 Defender."),
        CisM365Section(3, "Microsoft Purview", "Audit log search, data loss prevention and information protection settings of Microsoft Purview."),
        CisM365Section(4, "Microsoft Intune admin center", "Device enrollment and compliance settings of the Microsoft Intune admin center."),
        CisM365Section(5, "Microsoft Entra admin center", "Identity settings of Microsoft Entra ID: Conditional Access, authentication methods, user and guest settings."),
        CisM365Section(6, "Exchange admin center", "Mailbox auditing, mail flow and forwarding, and roles of Exchange Online."),
        CisM365Section(7, "SharePoint admin center", "External sharing, authentication and sync settings of SharePoint Online and OneDrive."),
        CisM365Section(8, "Microsoft Teams admin center", "External access, meeting and messaging policies of Microsoft Teams."),
        CisM365Section(9, "Microsoft Fabric", "Tenant settings of Microsoft Fabric (Power BI): guest access, sharing and publishing."),

        // Vulnerabilities
        M("vulnerability-management", "Vulnerability management findings", MetricWeight.High,
            "Missing security updates and vulnerable software reported by Defender Vulnerability Management.",
            sources: [RecommendationSource.DefenderVulnerabilityManagement]),
        M("vulnerability-tagged", "Recommendations tagged as vulnerabilities", MetricWeight.Medium,
            "Recommendations from any source tagged vulnerability or cve.",
            tags: ["vulnerability", "cve"]),

        // IoT and OT
        M("iot-defender-for-iot", "Defender for IoT recommendations not met", MetricWeight.High,
            "Posture of enterprise IoT and OT devices assessed by Microsoft Defender for IoT.",
            workloads: [DefenderForIot]),
        M("iot-enterprise-devices", "Enterprise IoT device recommendations not met", MetricWeight.Medium,
            "Recommendations tagged iot or enterprise-iot: printers, cameras, VoIP phones and other enterprise IoT devices.",
            tags: ["iot", "enterprise-iot"]),
        M("ot-devices", "Operational technology recommendations not met", MetricWeight.High,
            "Recommendations tagged ot or operational-technology: controllers, HMIs and industrial network segments.",
            tags: ["ot", "operational-technology"]),

        // External attack surface, ransomware, critical assets
        M("external-exposure", "Internet-facing weaknesses", MetricWeight.High,
            "Recommendations from any source tagged internet-facing or external-attack-surface.",
            tags: ["internet-facing", "external-attack-surface"]),
        M("external-easm", "Defender External Attack Surface Management findings", MetricWeight.Medium,
            "Findings on the organization's internet-facing assets discovered by Defender EASM.",
            workloads: [DefenderEasm]),
        M("ransomware-tagged", "Recommendations tagged against ransomware", MetricWeight.High,
            "Recommendations from any source tagged ransomware.",
            tags: ["ransomware"]),
        M("critical-asset-tagged", "Recommendations on critical assets", MetricWeight.High,
            "Recommendations tagged critical-asset (a convention for controls that protect the most critical assets).",
            tags: ["critical-asset"]),
    ];

    public static Initiative[] Initiatives() =>
    [
        I("business-email-compromise", "Business Email Compromise - Financial fraud", InitiativeKind.HorizontalThreat,
            "Protects the finance workflows that business email compromise targets: impersonation, mailbox takeover and forwarding.",
            "email-protection", "phishing-and-spoofing", "identity-account-breach", "identity-entra-id"),
        I("cis-m365-foundations", "CIS Microsoft 365 Foundations Benchmark", InitiativeKind.Compliance,
            "Tracks the Microsoft 365 controls of the CIS Microsoft 365 Foundations Benchmark, one metric per section of the benchmark.",
            "cis-m365-section-1", "cis-m365-section-2", "cis-m365-section-3", "cis-m365-section-4", "cis-m365-section-5", "cis-m365-section-6",
            "cis-m365-section-7", "cis-m365-section-8", "cis-m365-section-9"),
        I("cloud-security", "Cloud Security", InitiativeKind.Workload,
            "Measures the posture of cloud subscriptions, virtual machines, storage, databases, key vaults, containers and web apps.",
            "cloud-defender-for-cloud", "cloud-resources", "cloud-virtual-machines", "cloud-storage-accounts", "cloud-key-vaults", "cloud-sql",
            "cloud-kubernetes", "cloud-app-service", "cloud-network-security-groups", "cloud-public-ips", "cloud-identity-and-access", "cloud-internet-exposed",
            "cloud-high-severity"),
        I("critical-asset-protection", "Critical Asset Protection", InitiativeKind.HorizontalThreat,
            "Focuses on the assets whose compromise would hurt most: privileged identities, sensitive data and critical servers.",
            "critical-asset-tagged", "privilege-escalation", "data-exfiltration", "cloud-key-vaults", "cloud-sql"),
        I("endpoint-security", "Endpoint Security", InitiativeKind.Workload,
            "Measures protection, hardening and patching of workstations, servers and mobile devices.",
            "endpoint-defender", "endpoint-intune", "endpoint-devices"),
        I("enterprise-iot-security", "Enterprise IoT Security", InitiativeKind.Workload,
            "Measures the posture of printers, cameras, VoIP phones and other enterprise IoT devices.",
            "iot-enterprise-devices", "iot-defender-for-iot"),
        I("external-attack-surface", "External Attack Surface Protection", InitiativeKind.ExternalAttackSurface,
            "Measures what the organization exposes to the internet.",
            "external-exposure", "external-easm", "cloud-internet-exposed", "cloud-public-ips"),
        I("identity-security", "Identity Security", InitiativeKind.Workload,
            "Measures strong authentication, privileged access and the hygiene of user, guest and service accounts.",
            "identity-entra-id", "identity-on-premises", "identity-account-breach", "privilege-escalation", "cloud-identity-and-access"),
        I("ot-security", "OT Security", InitiativeKind.Workload,
            "Measures the posture of operational technology: controllers, HMIs and industrial network segments.",
            "ot-devices", "iot-defender-for-iot"),
        I("ransomware-protection", "Ransomware Protection", InitiativeKind.HorizontalThreat,
            "Covers the controls that stop human-operated ransomware at each stage: initial access, credential theft, lateral movement and impact.",
            "ransomware-tagged", "endpoint-defender", "identity-account-breach", "privilege-escalation", "data-exfiltration", "vulnerability-management",
            "cloud-internet-exposed", "cloud-virtual-machines", "cloud-storage-accounts", "cloud-key-vaults"),
        I("saas-security", "SaaS Security", InitiativeKind.Workload,
            "Measures the security configuration of SaaS apps and the OAuth apps connected to them.",
            "saas-cloud-apps", "saas-connected-apps", "saas-domain", "collaboration-sharing"),
        I("vulnerability-assessment", "Vulnerability Assessment", InitiativeKind.HorizontalThreat,
            "Tracks unpatched software and vulnerability findings on devices, servers and databases.",
            "vulnerability-management", "vulnerability-tagged", "cloud-virtual-machines", "cloud-high-severity"),
        I("zero-trust-foundational", "Zero Trust (Foundational)", InitiativeKind.ZeroTrust,
            "Verify explicitly, use least privilege, assume breach: the foundational Zero Trust controls across identities, devices and data.",
            "identity-account-breach", "privilege-escalation", "endpoint-intune", "data-protection", "cloud-identity-and-access"),
    ];

    private static Metric M(
        string id,
        string name,
        MetricWeight weight,
        string description,
        SecurityDomain[]? domains = null,
        Workload[]? workloads = null,
        RecommendationSource[]? sources = null,
        string[]? threats = null,
        string[]? tags = null,
        Impact[]? impacts = null)
        => new(id, name, weight, selector: new MetricSelector(domains, workloads, sources, threats, tags, impacts), description: description);

    /// <summary>Section <paramref name="section"/> of the CIS Microsoft 365 Foundations Benchmark: the recommendations tagged <c>cis-m365-section:{section}</c> (<see cref="ComplianceTags"/>); Medium, as a benchmark weighs no section above another.</summary>
    private static Metric CisM365Section(int section, string area, string description)
    {
        var number = section.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return M("cis-m365-section-" + number, "CIS Microsoft 365 section " + number + ": " + area, MetricWeight.Medium, description, tags: [ComplianceTags.CisMicrosoft365SectionPrefix + number]);
    }

    /// <summary>The <c>resourceType:</c> tags the Defender for Cloud provider puts on a recommendation, one per ARM resource type (lower case) it was assessed on.</summary>
    private static string[] ResourceTypes(params string[] types) => [.. types.Select(t => "resourceType:" + t)];

    private static Initiative I(string id, string name, InitiativeKind kind, string description, params string[] metricIds)
        => new(id, name, kind, metricIds.Select(m => new MetricId(m)), description: description);
}
