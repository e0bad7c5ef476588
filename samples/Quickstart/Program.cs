using ExposureSdk;
using ExposureSdk.Demo;
using ExposureSdk.Events;
using ExposureSdk.ScoreCards;
using ExposureSdk.Scoring;

// 1. A snapshot: what the sources said at one point in time. Build one by hand...
var mine = new ExposureSnapshot(
    tenantId: "contoso",
    asOf: new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero),
    recommendations: [new Recommendation("mfa-admins", "Require MFA for administrators", RecommendationSource.MicrosoftSecureScore,
        Workload.MicrosoftEntraId, SecurityDomain.Identity, Impact.High, maxPoints: 10)],
    assessments: [new("mfa-admins", "admin-1", AssessmentStatus.Healthy), new("mfa-admins", "admin-2", AssessmentStatus.Unhealthy)],
    metrics: [new Metric("admins-without-mfa", "Admins without MFA", MetricWeight.High, ["mfa-admins"])],
    initiatives: [new Initiative("identity", "Identity Security", InitiativeKind.Workload, ["admins-without-mfa"], targetScore: 80)]);
Console.WriteLine($"My tenant: Identity Security {ExposureScorer.Score(mine).Initiatives[0].Score:F2}"); // 50.00

// 2. ...or use the built-in demo tenant: 5,000 assets, ~150 recommendations, 60 days of history.
var demo = DemoTenant.Create();
var today = ExposureScorer.Score(demo.Today);
var yesterday = ExposureScorer.Score(demo.GetSnapshot(daysAgo: 1));

// 3. Scores: Secure Score, initiatives (null when no data), metrics.
Console.WriteLine($"Secure Score: {today.SecureScore.Percentage:F2}%");
foreach (var initiative in today.Initiatives)
{
    Console.WriteLine($"  {initiative.Name,-58} {initiative.Score?.ToString("F2") ?? "n/a",7}");
}

// 4. Security events: metric and initiative scores that fell by 2 points or more since yesterday.
foreach (var e in ScoreDropDetector.Detect(ScoreCard.FromReport(yesterday), ScoreCard.FromReport(today)))
{
    Console.WriteLine($"{e.Kind}: {e.SubjectName} {e.PreviousScore:F2} -> {e.CurrentScore:F2}");
}
