namespace ExposureSdk.Demo;

/// <summary>The kinds of asset the demo organization has; a recommendation assesses one or more of them.</summary>
internal enum DemoRole
{
    Workstation,
    Mac,
    WindowsServer,
    LinuxServer,
    Mobile,
    User,
    Admin,
    ServiceAccount,
    Guest,
    VirtualMachine,
    StorageAccount,
    SqlServer,
    KeyVault,
    Kubernetes,
    AppService,
    Subscription,
    NetworkSecurityGroup,
    OAuthApp,
    Site,
    Team,
}
