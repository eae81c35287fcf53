using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Features.Changes;
using Realty.Live.Web.Features.Reminders;
using static Realty.Live.Tests.Support.RealtyAppFactory;

namespace Realty.Live.Tests.Features.Reminders;

public sealed class ReminderApiTests(RealtyAppFactory app) : IClassFixture<RealtyAppFactory>
{
    [Fact]
    public async Task ADecisionRemindsTheAgentUntilTheyReadIt()
    {
        using var li = await app.ClientAsync(Li);
        using var manager = await app.ClientAsync(Manager);
        var before = (await li.GetFromJsonAsync<ReminderList>("/api/reminders"))!;
        var request = await RequestCancelAsync(li);
        await manager.PostAsJsonAsync($"/api/changes/{request.Id}/reject", new { expectedVersion = request.Version, note = "定金已付，暂不退房" });

        var after = (await li.GetFromJsonAsync<ReminderList>("/api/reminders"))!;
        var reminder = after.Items.First();
        Assert.Equal(before.Unread + 1, after.Unread);
        Assert.Equal(("ChangeDecided", request.UnitCode, "Rejected", false), (reminder.Kind, reminder.UnitCode, reminder.Detail, reminder.Read));

        var read = await li.PostAsJsonAsync("/api/reminders/read", new { id = reminder.Id });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var now = (await read.Content.ReadFromJsonAsync<ReminderList>())!;
        Assert.Equal(before.Unread, now.Unread);
        Assert.True(now.Items.Single(r => r.Id == reminder.Id).Read);
    }

    [Fact]
    public async Task MarkingAllReadClearsTheCount()
    {
        using var li = await app.ClientAsync(Li);
        using var manager = await app.ClientAsync(Manager);
        var request = await RequestCancelAsync(li);
        await manager.PostAsJsonAsync($"/api/changes/{request.Id}/reject", new { expectedVersion = request.Version, note = "资料不全" });

        var read = await li.PostAsync("/api/reminders/read", JsonContent.Create(new { }));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(0, (await read.Content.ReadFromJsonAsync<ReminderList>())!.Unread);
        Assert.Equal(0, (await li.GetFromJsonAsync<ReminderList>("/api/reminders"))!.Unread);
    }

    [Fact]
    public async Task SomebodyElsesReminderCannotBeRead()
    {
        using var li = await app.ClientAsync(Li);
        using var wang = await app.ClientAsync(Wang, "en");
        using var manager = await app.ClientAsync(Manager);
        var request = await RequestCancelAsync(li);
        await manager.PostAsJsonAsync($"/api/changes/{request.Id}/reject", new { expectedVersion = request.Version, note = "资料不全" });
        var reminder = (await li.GetFromJsonAsync<ReminderList>("/api/reminders"))!.Items.First();

        var response = await wang.PostAsJsonAsync("/api/reminders/read", new { id = reminder.Id });

        Assert.Equal("This reminder does not exist.", await response.DetailAsync(HttpStatusCode.NotFound));
        Assert.False((await li.GetFromJsonAsync<ReminderList>("/api/reminders"))!.Items.Single(r => r.Id == reminder.Id).Read);
    }

    [Fact]
    public async Task AManagerIsRemindedOfEveryNewRequest()
    {
        using var li = await app.ClientAsync(Li);
        using var manager = await app.ClientAsync(Manager);
        var before = (await manager.GetFromJsonAsync<ReminderList>("/api/reminders"))!.Unread;

        var request = await RequestCancelAsync(li);

        var after = (await manager.GetFromJsonAsync<ReminderList>("/api/reminders"))!;
        Assert.Equal(before + 1, after.Unread);
        Assert.Contains(after.Items, r => r.Kind == "ChangeRequested" && r.UnitCode == request.UnitCode && !r.Read);
    }

    [Fact]
    public async Task RemindersNeedASignedInPerson()
    {
        using var anonymous = await app.ClientAsync(null, "en");

        var response = await anonymous.GetAsync("/api/reminders");

        await response.DetailAsync(HttpStatusCode.Unauthorized);
    }

    private async Task<ChangeView> RequestCancelAsync(HttpClient agent)
    {
        var listed = await app.TakeUnitAsync("available");
        var options = await agent.GetFromJsonAsync<JsonElement>($"/api/units/{listed.Id}/options");
        var planId = options.GetProperty("plans")[0].GetProperty("id").GetInt32();
        var subscribed = await agent.ActAsync(listed.Id, "subscribe", new { expectedVersion = listed.Version, customerName = "张伟", customerPhone = "13800138000", planId });
        var unit = await subscribed.Content.ReadFromJsonAsync<Realty.Live.Web.Features.Board.UnitDetails>();
        var response = await agent.PostAsJsonAsync($"/api/units/{listed.Id}/changes", new { expectedVersion = unit!.Version, kind = "cancel", reason = "客户资金不足" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ChangeView>())!;
    }
}
