namespace ExposureSdk.Providers.DefenderForCloud.Tests;

/// <summary>
/// Secrets (issue 17 §6): a redirect (302, 307) from the ARM host to another host never carries the
/// Authorization header, on either read path.
/// </summary>
public sealed class RedirectSecretsTests
{
    [Theory]
    [InlineData(302, DefenderForCloudReadPath.Rest)]
    [InlineData(307, DefenderForCloudReadPath.Rest)]
    [InlineData(302, DefenderForCloudReadPath.ResourceGraph)]
    [InlineData(307, DefenderForCloudReadPath.ResourceGraph)]
    public async Task RedirectToAnotherHost_NeverCarriesTheAuthorizationHeader(int status, DefenderForCloudReadPath path)
    {
        await using var foreign = new LoopbackArmServer((_, _) => Task.FromResult(ArmResponse.Json("""{"value":[]}""")));
        await using var arm = new LoopbackArmServer((request, _) => Task.FromResult(
            new ArmResponse(status, string.Empty, new Dictionary<string, string> { ["Location"] = $"http://localhost:{foreign.Port}{request.Target}" })));
        using var provider = Arm.Provider(arm, o =>
        {
            o.ReadPath = path;
            o.Subscriptions.Add(Arm.Sub1);
        });

        Exception? failure = null;
        try
        {
            await Arm.ReadAllAsync(provider);
        }
        catch (ExposureSourceException ex)
        {
            failure = ex;
        }

        arm.Requests.Should().NotBeEmpty().And.OnlyContain(r => r.Header("Authorization") == "Bearer " + Arm.Token, "the ARM host gets the token");
        foreign.Requests.Should().OnlyContain(r => r.Header("Authorization") == null, "another host never gets the token, whether or not the redirect is followed");
        (failure is not null || !foreign.Requests.IsEmpty).Should().BeTrue("the redirect is either refused with an error or followed without the token");
        failure?.Message.Should().NotContain(Arm.Token);
    }
}
