using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Changes;
using Realty.Live.Web.Features.Reminders;
using Realty.Live.Web.Localization;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Tests.Features.Reminders;

/// <summary>The bell in the app bar (a component, not a page; named so beside the service's own tests).</summary>
public sealed class ReminderBellPageTests : BoardComponentTest
{
    private BoardBroadcaster Broadcaster => Services.GetRequiredService<BoardBroadcaster>();

    [Fact]
    public async Task AReminderForTheViewerRaisesTheCountLive()
    {
        var bell = await RenderBellAsync();
        Assert.Equal("0", Unread(bell));

        await RemindAsync(People.Wang.Id, "1#-301");

        await bell.WaitForAssertionAsync(() => Assert.Equal("1", Unread(bell)));
    }

    [Fact]
    public async Task OnlyTheViewersOwnRemindersAreCounted()
    {
        await RemindAsync(People.Li.Id, "1#-302");
        await RemindAsync(null, "1#-303");
        var bell = await RenderBellAsync();
        Assert.Equal("0", Unread(bell));

        await RemindAsync(People.Wang.Id, "1#-304");

        await bell.WaitForAssertionAsync(() => Assert.Equal("1", Unread(bell)));
    }

    [Fact]
    public async Task TheDecisionOnAnAgentsRequestPopsUpAndRingsTheBell()
    {
        var snackbars = Render<MudSnackbarProvider>();
        var bell = await RenderBellAsync();
        var changes = Services.GetRequiredService<ChangeService>();
        var unitId = Project.UnitId("1#-501");
        await Units.ExecuteAsync(unitId, UnitAction.Subscribe, new UnitCommand(1, Customers.ZhaoName, Customers.ZhaoPhone, PlanId: Project.OneOffPlanId), People.Wang);
        var version = (await Units.GetAsync(unitId, People.Wang))!.Version;
        var request = Assert.IsType<ChangeResult.Done>(await changes.RequestAsync(unitId, new ChangeCommand(version, ChangeKind.Cancel, "客户资金不足"), People.Wang)).Request;

        await changes.ApproveAsync(request.Id, request.Version, null, People.Chen);

        await bell.WaitForAssertionAsync(() => Assert.Equal("1", Unread(bell)));
        await snackbars.WaitForAssertionAsync(() => Assert.Contains(L.T("reminder.changeDecided", "1#-501", RequestStatus.Approved), snackbars.Markup));
    }

    [Fact]
    public async Task OpeningTheBellListsRemindersAndMarkAllReadClearsTheCount()
    {
        await RemindAsync(People.Wang.Id, "1#-301");
        await RemindAsync(People.Wang.Id, "1#-302");
        var popovers = Render<MudPopoverProvider>();
        var bell = await RenderBellAsync();

        bell.Find("[data-action='bell']").Click();

        await popovers.WaitForAssertionAsync(() => Assert.Equal(2, popovers.FindAll("[data-reminder]").Count));
        Assert.Contains(L.T("reminder.depositExpired", "1#-302", L.Money(20_000m)), popovers.Find("[data-reminder]").TextContent);
        popovers.Find("[data-action='mark-all-read']").Click();
        await bell.WaitForAssertionAsync(() => Assert.Equal("0", Unread(bell)));
        Assert.Equal(0, await Services.GetRequiredService<ReminderService>().UnreadAsync(People.Wang));
    }

    [Fact]
    public async Task TappingAReminderReadsItAndGoesToItsUnitsBoard()
    {
        await RemindAsync(People.Wang.Id, "1#-301");
        await RemindAsync(People.Wang.Id, "1#-302");
        var popovers = Render<MudPopoverProvider>();
        var bell = await RenderBellAsync();
        bell.Find("[data-action='bell']").Click();
        await popovers.WaitForAssertionAsync(() => Assert.Equal(2, popovers.FindAll("[data-reminder]").Count));

        popovers.Find("[data-reminder] button").Click();

        await bell.WaitForAssertionAsync(() => Assert.Equal("1", Unread(bell)));
        Assert.EndsWith($"/board/{Project.Id}", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri);
        await popovers.WaitForAssertionAsync(() => Assert.Empty(popovers.FindAll("[data-reminder]")));
    }

    [Fact]
    public async Task ClosingTheBellStopsListening()
    {
        var listening = Boards.ListenerCount(Project.Id);
        await RenderBellAsync();
        Assert.Equal(listening + 1, Boards.ListenerCount(Project.Id));

        await DisposeComponentsAsync();

        Assert.Equal(listening, Boards.ListenerCount(Project.Id));
    }

    /// <summary>A deposit ran out on one of the person's units, as the deadlines job writes it and tells the boards.</summary>
    private async Task RemindAsync(string? recipientId, string unitCode)
    {
        await using (var db = Database.Open())
        {
            db.Reminders.Add(new Reminder(Project.Id, ReminderKind.DepositExpired, $"test:{Guid.NewGuid()}", recipientId, unitCode, "20000.00", Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }
        await Broadcaster.PublishAsync(new ReminderAdded(Project.Id, recipientId));
    }

    private async Task<IRenderedComponent<ReminderBell>> RenderBellAsync()
    {
        var bell = Render<ReminderBell>();
        await bell.WaitForElementAsync("[data-bell]");
        return bell;
    }

    private static string? Unread(IRenderedComponent<ReminderBell> bell) => bell.Find("[data-bell]").GetAttribute("data-unread");
}
