using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Changes;
using static Realty.Live.Tests.Support.RealtyAppFactory;

namespace Realty.Live.Tests.Features.Changes;

public sealed class ChangeApiTests(RealtyAppFactory app) : IClassFixture<RealtyAppFactory>
{
    private string Pending => $"/api/projects/{app.ProjectId}/changes/pending";

    private string Log => $"/api/projects/{app.ProjectId}/changes";

    [Fact]
    public async Task ARequestIsApprovedAndLoggedWithWhatItChanged()
    {
        using var wang = await app.ClientAsync(Wang);
        using var manager = await app.ClientAsync(Manager);
        var unit = await SubscribedByWangAsync(wang);

        var asked = await wang.PostAsJsonAsync($"/api/units/{unit.Id}/changes", new { expectedVersion = unit.Version, kind = "rename", reason = "加配偶为共有人", coBuyers = "李娜" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var request = (await asked.Content.ReadFromJsonAsync<ChangeView>())!;
        Assert.Equal(("Rename", "Pending", "李娜", "王芳"), (request.Kind, request.Status, request.NewCoBuyers, request.RequestedBy));
        Assert.Contains(await manager.GetFromJsonAsync<List<ChangeView>>(Pending) ?? [], r => r.Id == request.Id);

        var approved = await manager.PostAsJsonAsync($"/api/changes/{request.Id}/approve", new { expectedVersion = request.Version, note = "同意" });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var decided = (await approved.Content.ReadFromJsonAsync<ChangeView>())!;
        Assert.Equal(("Approved", "陈静", "同意", 0m), (decided.Status, decided.DecidedBy, decided.DecisionNote, decided.MoneyEffect));
        var price = unit.ListPrice.ToString("¥#,0.00", CultureInfo.InvariantCulture);
        Assert.Equal($"{unit.Code} · 张伟 · {price}", decided.Before);
        Assert.Equal($"{unit.Code} · 张伟、李娜 · {price}", decided.After);
        Assert.DoesNotContain(await manager.GetFromJsonAsync<List<ChangeView>>(Pending) ?? [], r => r.Id == request.Id);
        Assert.Equal("Approved", (await manager.GetFromJsonAsync<List<ChangeView>>($"{Log}?status=approved"))!.Single(r => r.Id == request.Id).Status);
        Assert.Equal("Approved", (await wang.GetFromJsonAsync<List<ChangeView>>(Log))!.Single(r => r.Id == request.Id).Status);
        Assert.Equal("李娜", (await wang.UnitAsync(unit.Id)).Deal!.CoBuyers);
    }

    [Fact]
    public async Task ADecisionOnAStaleVersionIsAConflictAndDecidesNothing()
    {
        using var wang = await app.ClientAsync(Wang);
        using var manager = await app.ClientAsync(Manager, "en");
        var request = await RequestCancelAsync(wang);

        var response = await manager.PostAsJsonAsync($"/api/changes/{request.Id}/approve", new { expectedVersion = request.Version + 1 });

        Assert.Equal("This request changed since you opened it; look again.", await response.DetailAsync(HttpStatusCode.Conflict));
        Assert.Equal("Pending", (await manager.GetFromJsonAsync<ChangeView>($"/api/changes/{request.Id}"))!.Status);
    }

    [Fact]
    public async Task ARequestDecidedAlreadyCannotBeDecidedAgain()
    {
        using var wang = await app.ClientAsync(Wang, "en");
        using var manager = await app.ClientAsync(Manager, "en");
        var request = await RequestCancelAsync(wang);
        var withdrawn = await wang.PostAsJsonAsync($"/api/changes/{request.Id}/withdraw", new { expectedVersion = request.Version });
        var now = (await withdrawn.Content.ReadFromJsonAsync<ChangeView>())!;

        var response = await manager.PostAsJsonAsync($"/api/changes/{request.Id}/approve", new { expectedVersion = now.Version });

        Assert.Equal("Withdrawn", now.Status);
        Assert.Equal("This request is already withdrawn.", await response.DetailAsync(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task AnAgentCannotDecideAndNeverSeesAnotherAgentsRequest()
    {
        using var wang = await app.ClientAsync(Wang, "en");
        using var li = await app.ClientAsync(Li, "en");
        var request = await RequestCancelAsync(wang);

        var ownApproval = await wang.PostAsJsonAsync($"/api/changes/{request.Id}/approve", new { expectedVersion = request.Version });
        var othersWithdrawal = await li.PostAsJsonAsync($"/api/changes/{request.Id}/withdraw", new { expectedVersion = request.Version });
        var inbox = await wang.GetAsync(Pending);

        Assert.Equal("Only a sales manager can decide a change.", await ownApproval.DetailAsync(HttpStatusCode.Forbidden));
        Assert.Equal("This change request does not exist.", await othersWithdrawal.DetailAsync(HttpStatusCode.NotFound));
        await inbox.DetailAsync(HttpStatusCode.Forbidden);
        Assert.DoesNotContain(await li.GetFromJsonAsync<List<ChangeView>>(Log) ?? [], r => r.Id == request.Id);
    }

    [Fact]
    public async Task RejectingWithoutANoteIsRefusedAndTheRequestWaitsOn()
    {
        using var wang = await app.ClientAsync(Wang);
        using var manager = await app.ClientAsync(Manager, "en");
        var request = await RequestCancelAsync(wang);

        var response = await manager.PostAsJsonAsync($"/api/changes/{request.Id}/reject", new { expectedVersion = request.Version, note = " " });

        Assert.Equal("Say why the request is rejected.", await response.DetailAsync(HttpStatusCode.BadRequest));
        Assert.Equal("Pending", (await manager.GetFromJsonAsync<ChangeView>($"/api/changes/{request.Id}"))!.Status);
    }

    [Fact]
    public async Task ARequestOnAStaleUnitVersionIsAConflict()
    {
        using var wang = await app.ClientAsync(Wang, "en");
        var unit = await SubscribedByWangAsync(wang);

        var response = await wang.PostAsJsonAsync($"/api/units/{unit.Id}/changes", new { expectedVersion = unit.Version - 1, kind = "cancel", reason = "客户资金不足" });

        Assert.Equal($"{unit.Code} changed since you opened it: it is now Subscribed. Check and try again.", await response.DetailAsync(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task ARequestOnAUnitWithoutADealIsAConflict()
    {
        var listed = await app.TakeUnitAsync("available");
        using var wang = await app.ClientAsync(Wang, "en");

        var response = await wang.PostAsJsonAsync($"/api/units/{listed.Id}/changes", new { expectedVersion = listed.Version, kind = "cancel", reason = "客户资金不足" });

        Assert.Equal("This unit has no deal to change.", await response.DetailAsync(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task ARequestWithoutAReasonIsRefusedAndLeavesTheUnitAlone()
    {
        using var wang = await app.ClientAsync(Wang, "en");
        var unit = await SubscribedByWangAsync(wang);

        var response = await wang.PostAsJsonAsync($"/api/units/{unit.Id}/changes", new { expectedVersion = unit.Version, kind = "cancel" });

        Assert.Equal("Give a reason.", await response.DetailAsync(HttpStatusCode.BadRequest));
        Assert.Equal((unit.Version, null), ((await wang.UnitAsync(unit.Id)).Version, (await wang.UnitAsync(unit.Id)).PendingChange));
    }

    [Fact]
    public async Task AnUnknownRequestIsNotFound()
    {
        using var manager = await app.ClientAsync(Manager, "en");

        var response = await manager.PostAsJsonAsync("/api/changes/98765/approve", new { expectedVersion = 1 });

        Assert.Equal("This change request does not exist.", await response.DetailAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task AnUnknownStatusFilterIsRefused()
    {
        using var manager = await app.ClientAsync(Manager, "en");

        var response = await manager.GetAsync($"{Log}?status=lost");

        Assert.Equal("\"lost\" is not a request status: use pending, approved, rejected or withdrawn.", await response.DetailAsync(HttpStatusCode.BadRequest));
    }

    /// <summary>An available unit that 王芳 subscribes for 张伟 at the list price, paying at once.</summary>
    private async Task<UnitDetails> SubscribedByWangAsync(HttpClient wang)
    {
        var listed = await app.TakeUnitAsync("available");
        var options = await wang.GetFromJsonAsync<JsonElement>($"/api/units/{listed.Id}/options");
        var planId = options.GetProperty("plans")[0].GetProperty("id").GetInt32();
        var response = await wang.ActAsync(listed.Id, "subscribe", new { expectedVersion = listed.Version, customerName = "张伟", customerPhone = "13800138000", planId });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<UnitDetails>())!;
    }

    private async Task<ChangeView> RequestCancelAsync(HttpClient wang)
    {
        var unit = await SubscribedByWangAsync(wang);
        var response = await wang.PostAsJsonAsync($"/api/units/{unit.Id}/changes", new { expectedVersion = unit.Version, kind = "cancel", reason = "客户资金不足" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ChangeView>())!;
    }
}
