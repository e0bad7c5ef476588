using ExposureSdk.Samples.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExposureSdk.Samples.Web.Pages;

/// <summary>The refresh button: refreshes now (antiforgery-checked POST), then goes back to the page it was pressed on.</summary>
public sealed class RefreshModel(DashboardRefresher refresher) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(string? returnUrl, CancellationToken cancellationToken)
    {
        await refresher.RefreshAsync("button", cancellationToken);
        return LocalRedirect(returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
