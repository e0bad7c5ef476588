using System.Globalization;

namespace ExposureSdk.Demo;

/// <summary>
/// The assets of the demo organization: a mid-sized company (Contoso) with workstations, Macs, servers,
/// phones, users, administrators, service accounts, guests, Azure resources, OAuth apps, SharePoint sites
/// and teams. Generated once per seed; an asset may join the organization during the history.
/// </summary>
internal sealed class DemoOrganization
{
    private static readonly (DemoRole Role, int Count)[] Mix =
    [
        (DemoRole.Workstation, 1150), (DemoRole.Mac, 200), (DemoRole.WindowsServer, 180), (DemoRole.LinuxServer, 120), (DemoRole.Mobile, 250),
        (DemoRole.User, 2000), (DemoRole.Admin, 60), (DemoRole.ServiceAccount, 180), (DemoRole.Guest, 60),
        (DemoRole.VirtualMachine, 150), (DemoRole.StorageAccount, 120), (DemoRole.SqlServer, 40), (DemoRole.KeyVault, 40),
        (DemoRole.Kubernetes, 15), (DemoRole.AppService, 80), (DemoRole.Subscription, 12), (DemoRole.NetworkSecurityGroup, 43),
        (DemoRole.OAuthApp, 100), (DemoRole.Site, 140), (DemoRole.Team, 60),
    ];

    private static readonly string[] FirstNames =
    [
        "Adele", "Alex", "Allan", "Diego", "Emily", "Grady", "Henrietta", "Isaiah", "Johanna", "Joni", "Lee", "Lidia", "Lynne",
        "Megan", "Miriam", "Nestor", "Patti", "Pradeep", "Aisha", "Carlos", "Chen", "Dmitri", "Fatima", "Hiroshi", "Ingrid",
        "Kwame", "Laura", "Mateo", "Nadia", "Olivia", "Priya", "Rafael", "Sofia", "Tomasz", "Yara", "Zoe", "Arjun", "Beatriz",
        "Elena", "Felix", "Hannah", "Ivan", "Julia", "Kenji", "Leila", "Marcus", "Noah", "Omar", "Paula", "Quinn", "Rosa",
    ];

    private static readonly string[] LastNames =
    [
        "Vance", "Wilber", "Deyoung", "Soto", "Braun", "Archie", "Cane", "Langer", "Lauer", "Sherman", "Gu", "Holloway",
        "Robbins", "Bowen", "Graham", "Wilke", "Fernandez", "Gupta", "Okafor", "Mendes", "Wang", "Petrov", "Haddad", "Tanaka",
        "Larsen", "Mensah", "Rossi", "Garcia", "Karimi", "Nguyen", "Iyer", "Silva", "Kowalski", "Haas", "Dubois", "Moreau",
        "Novak", "Schmidt", "Jensen", "Costa", "Keller", "Murphy", "Ortiz", "Patel", "Reyes", "Sato", "Fischer", "Lopez",
    ];

    private static readonly string[] Departments = ["fin", "hr", "eng", "sales", "mkt", "ops", "legal", "it", "support", "exec"];
    private static readonly string[] Apps = ["payroll", "crm", "erp", "web", "api", "billing", "hr", "data", "search", "portal", "iot", "ml"];
    private static readonly string[] Environments = ["prod", "prod", "prod", "dev", "test", "staging"];
    private static readonly string[] Regions = ["weu", "neu", "eus", "wus2", "sea"];
    private static readonly string[] ServerRoles = ["dc", "fs", "sql", "app", "web", "rds", "print", "ca", "adfs", "wsus"];
    private static readonly string[] LinuxRoles = ["web", "api", "db", "kafka", "build", "proxy", "redis", "elk"];
    private static readonly string[] Partners = ["fabrikam", "northwind", "adatum", "tailspin", "woodgrove", "litware"];
    private static readonly string[] ServiceNames = ["backup", "sqlsvc", "sp-farm", "scanner", "adsync", "jenkins", "veeam", "sccm", "mdi", "monitor", "sap", "ftp"];
    private static readonly string[] OAuthApps =
    [
        "Expense Assistant", "Zapier", "Mailchimp Sync", "DocuSign for Outlook", "Miro", "Calendly", "Jira Cloud for Teams",
        "Power BI Connector", "Grammarly", "Smartsheet", "HubSpot Sales", "Trello", "Adobe Acrobat Sign", "Box for Office",
        "GitHub Enterprise SSO", "Lucidchart", "Asana", "Zoom for Outlook", "Slack for Outlook", "Contoso Payroll API",
    ];

    private static readonly string[] Topics = ["Budget 2027", "Projects", "Policies", "Onboarding", "Board", "Customers", "Roadmap", "Contracts", "Audit", "Recruiting", "Incidents", "Partners"];

    private DemoOrganization(Asset[] assets, DemoRole[] roles, int[] firstDay, Dictionary<DemoRole, int[]> byRole)
    {
        Assets = assets;
        Roles = roles;
        FirstDay = firstDay;
        ByRole = byRole;
    }

    /// <summary>Gets every asset that exists on any day, in a fixed order.</summary>
    public Asset[] Assets { get; }

    /// <summary>Gets the role of each asset (parallel to <see cref="Assets"/>).</summary>
    public DemoRole[] Roles { get; }

    /// <summary>Gets the history day index on which each asset joined (0 = before the history started).</summary>
    public int[] FirstDay { get; }

    /// <summary>Gets the indexes of the assets of each role.</summary>
    public Dictionary<DemoRole, int[]> ByRole { get; }

    /// <summary>Generates the organization.</summary>
    /// <param name="random">The seeded generator (advanced deterministically).</param>
    /// <param name="assetCount">The approximate number of assets.</param>
    /// <param name="historyDays">The number of history days (asset onboarding happens on days 1..historyDays).</param>
    /// <returns>The organization.</returns>
    public static DemoOrganization Generate(Random random, int assetCount, int historyDays)
    {
        var scale = assetCount / 5000.0;
        var assets = new List<Asset>(assetCount + 100);
        var roles = new List<DemoRole>(assetCount + 100);
        var firstDay = new List<int>(assetCount + 100);
        var byRole = new Dictionary<DemoRole, int[]>();
        var usedNames = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (role, baseCount) in Mix)
        {
            var count = Math.Max(1, (int)Math.Round(baseCount * scale));
            var indexes = new int[count];
            for (var n = 1; n <= count; n++)
            {
                var (prefix, kind, name, criticality, tags) = Describe(random, role, n, usedNames);
                var id = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{n:D5}");
                indexes[n - 1] = assets.Count;
                assets.Add(new Asset(id, kind, name, criticality, tags));
                roles.Add(role);
                var joinsLater = role is not (DemoRole.Subscription or DemoRole.Admin) && random.NextDouble() < 0.04;
                firstDay.Add(joinsLater ? 1 + random.Next(historyDays) : 0);
            }

            byRole[role] = indexes;
        }

        return new DemoOrganization([.. assets], [.. roles], [.. firstDay], byRole);
    }

    private static (string Prefix, AssetKind Kind, string Name, AssetCriticality Criticality, string[] Tags) Describe(Random random, DemoRole role, int n, HashSet<string> usedNames)
    {
        var dept = Pick(random, Departments);
        var env = Pick(random, Environments);
        var app = Pick(random, Apps);
        var production = env == "prod" ? "production" : "non-production";
        var c = CultureInfo.InvariantCulture;
        switch (role)
        {
            case DemoRole.Workstation:
                return ("ws", AssetKind.Device, string.Create(c, $"{(random.NextDouble() < 0.8 ? "LT" : "DT")}-{dept.ToUpperInvariant()}-{n:D4}"), Criticality(random, dept == "exec" ? 3 : 1), ["windows", dept]);
            case DemoRole.Mac:
                return ("mac", AssetKind.Device, string.Create(c, $"MBP-{dept.ToUpperInvariant()}-{n:D3}"), Criticality(random, dept == "exec" ? 3 : 1), ["macos", dept]);
            case DemoRole.WindowsServer:
                var serverRole = Pick(random, ServerRoles);
                return ("srv", AssetKind.Device, string.Create(c, $"SRV-{serverRole.ToUpperInvariant()}-{n:D2}"), serverRole is "dc" or "ca" or "adfs" ? AssetCriticality.VeryHigh : Criticality(random, 2), ["windows-server", serverRole, production]);
            case DemoRole.LinuxServer:
                var linuxRole = Pick(random, LinuxRoles);
                return ("lnx", AssetKind.Device, string.Create(c, $"lnx-{linuxRole}-{n:D2}"), Criticality(random, 2), ["linux", linuxRole, production]);
            case DemoRole.Mobile:
                var owner = Person(random);
                return ("mob", AssetKind.Device, string.Create(c, $"{owner.First}'s {(random.NextDouble() < 0.6 ? "iPhone" : "Pixel")} ({n})"), AssetCriticality.Low, ["mobile", dept]);
            case DemoRole.User:
                return ("usr", AssetKind.Identity, Unique(usedNames, Upn(random, string.Empty)), Criticality(random, dept == "exec" ? 3 : 0), ["user", dept]);
            case DemoRole.Admin:
                return ("adm", AssetKind.Identity, Unique(usedNames, Upn(random, "adm-")), AssetCriticality.VeryHigh, ["privileged", "admin"]);
            case DemoRole.ServiceAccount:
                return ("svc", AssetKind.Identity, string.Create(c, $"svc-{Pick(random, ServiceNames)}-{n:D2}@contoso.com"), Criticality(random, 2), ["service-account"]);
            case DemoRole.Guest:
                var guest = Person(random);
                return ("gst", AssetKind.Identity, Unique(usedNames, $"{guest.First.ToLowerInvariant()}.{guest.Last.ToLowerInvariant()}_{Pick(random, Partners)}.com#EXT#@contoso.onmicrosoft.com"), AssetCriticality.Low, ["guest"]);
            case DemoRole.VirtualMachine:
                return ("vm", AssetKind.CloudResource, string.Create(c, $"vm-{env}-{app}-{n:D2}"), Criticality(random, env == "prod" ? 2 : 0), random.NextDouble() < 0.15 ? ["azure-vm", production, "internet-facing"] : ["azure-vm", production]);
            case DemoRole.StorageAccount:
                return ("st", AssetKind.CloudResource, string.Create(c, $"st{env}{app}{n:D3}"), Criticality(random, env == "prod" ? 2 : 0), ["azure-storage", production]);
            case DemoRole.SqlServer:
                return ("sql", AssetKind.CloudResource, string.Create(c, $"sql-{env}-{app}-{n:D2}"), env == "prod" ? AssetCriticality.VeryHigh : AssetCriticality.Medium, ["azure-sql", production]);
            case DemoRole.KeyVault:
                return ("kv", AssetKind.CloudResource, string.Create(c, $"kv-{env}-{app}-{n:D2}"), env == "prod" ? AssetCriticality.VeryHigh : AssetCriticality.Medium, ["key-vault", production]);
            case DemoRole.Kubernetes:
                return ("aks", AssetKind.CloudResource, string.Create(c, $"aks-{env}-{Pick(random, Regions)}-{n:D2}"), Criticality(random, 2), ["aks", production]);
            case DemoRole.AppService:
                return ("app", AssetKind.CloudResource, string.Create(c, $"app-{env}-{app}-{n:D2}"), Criticality(random, 1), ["app-service", production, "internet-facing"]);
            case DemoRole.Subscription:
                return ("sub", AssetKind.CloudResource, string.Create(c, $"Contoso {char.ToUpperInvariant(env[0])}{env[1..]} {n:D2}"), env == "prod" ? AssetCriticality.VeryHigh : AssetCriticality.Medium, ["subscription", production]);
            case DemoRole.NetworkSecurityGroup:
                return ("nsg", AssetKind.CloudResource, string.Create(c, $"nsg-{env}-{app}-{n:D2}"), Criticality(random, 1), ["nsg", production]);
            case DemoRole.OAuthApp:
                return ("oauth", AssetKind.SaaSApp, string.Create(c, $"{Pick(random, OAuthApps)} ({n})"), Criticality(random, 1), ["oauth-app"]);
            case DemoRole.Site:
                return ("site", AssetKind.Data, string.Create(c, $"https://contoso.sharepoint.com/sites/{dept}-{Pick(random, Topics).Replace(' ', '-').ToLowerInvariant()}-{n}"), Criticality(random, dept is "fin" or "legal" or "exec" ? 2 : 1), ["sharepoint", dept]);
            default:
                return ("team", AssetKind.Data, string.Create(c, $"{dept.ToUpperInvariant()} {Pick(random, Topics)} {n}"), Criticality(random, 1), ["teams", dept]);
        }
    }

    private static AssetCriticality Criticality(Random random, int bias)
    {
        var x = random.NextDouble() + (bias * 0.15);
        return x switch
        {
            > 1.05 => AssetCriticality.VeryHigh,
            > 0.8 => AssetCriticality.High,
            > 0.3 => AssetCriticality.Medium,
            _ => AssetCriticality.Low,
        };
    }

    private static (string First, string Last) Person(Random random) => (Pick(random, FirstNames), Pick(random, LastNames));

    private static string Upn(Random random, string prefix)
    {
        var (first, last) = Person(random);
        return $"{prefix}{first.ToLowerInvariant()}.{last.ToLowerInvariant()}@contoso.com";
    }

    private static string Unique(HashSet<string> used, string name)
    {
        if (used.Add(name))
        {
            return name;
        }

        var at = name.IndexOf('@', StringComparison.Ordinal);
        for (var i = 2; i <= used.Count + 2; i++)
        {
            var candidate = string.Create(CultureInfo.InvariantCulture, $"{name[..at]}{i}{name[at..]}");
            if (used.Add(candidate))
            {
                return candidate;
            }
        }

        // Unreachable: among used.Count + 1 candidates at least one is free.
        throw new InvalidOperationException("No unique name left.");
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
