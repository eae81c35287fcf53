using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Localization;
using static Realty.Live.Tests.Features.CustomerRegistration.CustomerSheets;

// Not "Features.Customers": that namespace would hide the Customers test data from every other test.
namespace Realty.Live.Tests.Features.CustomerRegistration;

public sealed class CustomerExcelPanelTests : BoardComponentTest
{
    [Fact]
    public async Task AnUploadIsPreviewedRowByRowAndAppliedOnlyWhenAsked()
    {
        await Services.GetRequiredService<CustomerService>().RegisterAsync(Registration(Project.Id, Customers.ZhangName, Customers.ZhangPhone), People.Li);
        var imported = 0;
        var panel = Render<CustomerExcelPanel>(p => p.Add(x => x.ProjectId, Project.Id).Add(x => x.OnImported, () => imported++));

        Upload(panel, Sheet(new("孙浩", "13700001111"), new("张先生", Customers.ZhangPhone), new("吴刚", "13700001111")));

        await panel.WaitForAssertionAsync(() => Assert.Equal("preview", panel.Find("[data-import-report]").GetAttribute("data-import-report")));
        Assert.Equal(["created", "duplicate", "duplicate"], panel.FindAll("[data-import-row]").Select(r => r.GetAttribute("data-outcome")));
        Assert.Contains(People.Li.Name, panel.Find("[data-import-row='3']").TextContent);
        await using (var db = Database.Open())
        {
            Assert.Equal(1, await db.Customers.CountAsync());
        }

        panel.Find("[data-action='apply-import']").Click();

        await panel.WaitForAssertionAsync(() => Assert.Equal("applied", panel.Find("[data-import-report]").GetAttribute("data-import-report")));
        Assert.Equal(L.T("customer.import.applied", 1, 2), panel.Find("[data-import-report]").TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-action='apply-import']"));
        Assert.Equal(1, imported);
        await using (var db = Database.Open())
        {
            Assert.Equal(People.Wang.Id, (await db.Customers.SingleAsync(c => c.Mobile == "13700001111")).OwnerId);
            Assert.Equal(People.Wang.Id, (await db.DuplicateAttempts.SingleAsync()).AttemptedById);
        }
    }

    [Fact]
    public async Task AnInvalidRowIsShownWithItsReasonAndNothingCanBeApplied()
    {
        var panel = Render<CustomerExcelPanel>(p => p.Add(x => x.ProjectId, Project.Id));

        Upload(panel, Sheet(new("孙浩", "13700001111"), new("<script>x</script>", "13700002222")));

        await panel.WaitForAssertionAsync(() => Assert.Equal("refused", panel.Find("[data-import-report]").GetAttribute("data-import-report")));
        var bad = panel.Find("[data-import-row='3']");
        Assert.Equal("invalid", bad.GetAttribute("data-outcome"));
        Assert.Contains(L.T("customer.name.invalid"), bad.TextContent);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt;", bad.InnerHtml);
        Assert.Empty(panel.FindAll("[data-action='apply-import']"));
        Assert.Equal($"/api/projects/{Project.Id}/customers.xlsx", panel.Find("[data-action='export-customers']").GetAttribute("href"));
        await using var db = Database.Open();
        Assert.Equal(0, await db.Customers.CountAsync());
    }

    private static void Upload(IRenderedComponent<CustomerExcelPanel> panel, MemoryStream sheet) =>
        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(sheet.ToArray(), "customers.xlsx"));
}
