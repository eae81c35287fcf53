using System.Net;
using System.Net.Http.Json;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Features.Opening;
using static Realty.Live.Tests.Support.RealtyAppFactory;

namespace Realty.Live.Tests.Features.Opening;

/// <summary>Queue numbers and the opening over HTTP, on the demo project (30 numbers issued before the opening).</summary>
public sealed class OpeningApiTests(RealtyAppFactory app) : IClassFixture<RealtyAppFactory>
{
    private string Tickets => $"/api/projects/{app.ProjectId}/tickets";

    private string Opening => $"/api/projects/{app.ProjectId}/opening";

    [Fact]
    public async Task AnAgentCannotCallNumbersOrRunTheOpening()
    {
        using var wang = await app.ClientAsync(Wang, "en");

        var call = await wang.PostAsJsonAsync($"{Opening}/call", new { count = 10 });
        var mode = await wang.PostAsJsonAsync($"{Opening}/mode", new { mode = "live" });
        var wipe = await wang.PostAsync($"{Opening}/wipe", null);

        Assert.Equal("Only a sales manager can run the opening.", await call.DetailAsync(HttpStatusCode.Forbidden));
        await mode.DetailAsync(HttpStatusCode.Forbidden);
        await wipe.DetailAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnAgentIssuesTheNextNumberWithTheDefaultDeposit()
    {
        using var wang = await app.ClientAsync(Wang);
        var before = await ListAsync(wang);

        var response = await wang.PostAsJsonAsync(Tickets, new { buyerName = "孙悦", buyerPhone = "13600001111" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = (await response.Content.ReadFromJsonAsync<TicketView>())!;
        Assert.Equal((before.Max(t => t.Number) + 1, "孙悦", "13600001111", 50_000m, "Active", "王芳"), (ticket.Number, ticket.BuyerName, ticket.BuyerPhone, ticket.Amount, ticket.Status, ticket.AgentName));
        Assert.Equal($"{Tickets}/{ticket.Number}", response.Headers.Location?.OriginalString);
        Assert.Equal(ticket, await wang.GetFromJsonAsync<TicketView>($"{Tickets}/{ticket.Number}"));
    }

    [Theory]
    [InlineData(-5_000, "The sincerity deposit must be above zero.")]
    [InlineData(0, "The sincerity deposit must be above zero.")]
    public async Task ADepositThatIsNotAboveZeroIsRefusedAndIssuesNothing(decimal amount, string message)
    {
        using var wang = await app.ClientAsync(Wang, "en");
        var before = (await ListAsync(wang)).Count;

        var response = await wang.PostAsJsonAsync(Tickets, new { buyerName = "孙悦", buyerPhone = "13600001111", amount });

        Assert.Equal(message, await response.DetailAsync(HttpStatusCode.BadRequest));
        Assert.Equal(before, (await ListAsync(wang)).Count);
    }

    [Fact]
    public async Task ABuyerWithoutAValidMobileIsRefused()
    {
        using var wang = await app.ClientAsync(Wang, "en");

        var response = await wang.PostAsJsonAsync(Tickets, new { buyerName = "孙悦", buyerPhone = "555" });

        Assert.StartsWith("\"555\" is not a valid mobile number", await response.DetailAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task AnotherAgentsBuyerKeepsTheirMobilePrivateButNotFromTheManager()
    {
        using var wang = await app.ClientAsync(Wang);
        using var li = await app.ClientAsync(Li);
        using var manager = await app.ClientAsync(Manager);
        var ticket = await IssueAsync(wang, "13600002222");

        var seenByLi = await li.GetFromJsonAsync<TicketView>($"{Tickets}/{ticket.Number}");
        var seenByManager = await manager.GetFromJsonAsync<TicketView>($"{Tickets}/{ticket.Number}");

        Assert.Equal(("136****2222", "13600002222"), (seenByLi!.BuyerPhone, seenByManager!.BuyerPhone));
    }

    [Fact]
    public async Task ARefundClosesTheNumberOnceAndASecondRefundIsAConflict()
    {
        using var wang = await app.ClientAsync(Wang, "en");
        var ticket = await IssueAsync(wang, "13600003333");

        var refunded = await wang.PostAsJsonAsync($"{Tickets}/{ticket.Number}/refund", new { expectedVersion = ticket.Version });
        Assert.Equal(HttpStatusCode.OK, refunded.StatusCode);
        var after = (await refunded.Content.ReadFromJsonAsync<TicketView>())!;
        var again = await wang.PostAsJsonAsync($"{Tickets}/{ticket.Number}/refund", new { expectedVersion = after.Version });

        Assert.Equal(("Refunded", ticket.Version + 1), (after.Status, after.Version));
        Assert.Equal($"Number {ticket.Number}'s deposit was refunded.", await again.DetailAsync(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task ARefundOnAStaleVersionIsAConflictAndRefundsNothing()
    {
        using var wang = await app.ClientAsync(Wang, "en");
        var ticket = await IssueAsync(wang, "13600004444");

        var response = await wang.PostAsJsonAsync($"{Tickets}/{ticket.Number}/refund", new { expectedVersion = ticket.Version + 1 });

        Assert.Equal("This queue number changed since you opened it; look again.", await response.DetailAsync(HttpStatusCode.Conflict));
        Assert.Equal("Active", (await wang.GetFromJsonAsync<TicketView>($"{Tickets}/{ticket.Number}"))!.Status);
    }

    [Fact]
    public async Task RefundingAnUnknownNumberIsNotFound()
    {
        using var wang = await app.ClientAsync(Wang, "en");

        var response = await wang.PostAsJsonAsync($"{Tickets}/98765/refund", new { expectedVersion = 1 });

        Assert.Equal("There is no queue number 98765.", await response.DetailAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task AnAgentCannotRefundAnotherAgentsBuyer()
    {
        using var wang = await app.ClientAsync(Wang);
        using var li = await app.ClientAsync(Li, "en");
        var ticket = await IssueAsync(wang, "13600005555");

        var response = await li.PostAsJsonAsync($"{Tickets}/{ticket.Number}/refund", new { expectedVersion = ticket.Version });

        Assert.Equal("Only 王芳, who took this deposit, or a manager can refund it.", await response.DetailAsync(HttpStatusCode.Forbidden));
        Assert.Equal("Active", (await wang.GetFromJsonAsync<TicketView>($"{Tickets}/{ticket.Number}"))!.Status);
    }

    [Fact]
    public async Task TheManagerOpensCallsTheNextBatchAndClosesAgain()
    {
        using var manager = await app.ClientAsync(Manager, "en");
        var open = await manager.PostAsJsonAsync($"{Opening}/mode", new { mode = "live" });
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        var before = (await manager.GetFromJsonAsync<OpeningState>(Opening))!;

        var call = await manager.PostAsJsonAsync($"{Opening}/call", new { count = 5 });

        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        var state = (await call.Content.ReadFromJsonAsync<OpeningState>())!;
        Assert.Equal(("Live", before.CalledUpTo + 5), (state.Mode, state.CalledUpTo));
        var read = (await manager.GetFromJsonAsync<OpeningState>(Opening))!;
        Assert.Equal((state.Mode, state.CalledUpTo, state.Issued), (read.Mode, read.CalledUpTo, read.Issued));
        Assert.Equal(state.LatestCall, read.LatestCall);
        var called = (await ListAsync(manager)).Where(t => t.Number > before.CalledUpTo && t.Number <= state.CalledUpTo && t.Status == "Active").Select(t => t.Number);
        Assert.Equal(called, state.LatestCall);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"{Opening}/mode", new { mode = "off" })).StatusCode);
    }

    [Fact]
    public async Task CallingOutsideTheOpeningIsAConflict()
    {
        using var manager = await app.ClientAsync(Manager, "en");
        await manager.PostAsJsonAsync($"{Opening}/mode", new { mode = "off" });

        var response = await manager.PostAsJsonAsync($"{Opening}/call", new { count = 5 });

        Assert.Equal("Start the opening (or a rehearsal) before calling numbers.", await response.DetailAsync(HttpStatusCode.Conflict));
    }

    [Theory]
    [InlineData(0, "Call at least one number.")]
    [InlineData(201, "Call at most 200 numbers at a time.")]
    public async Task ABatchOfNoneOrTooManyIsRefused(int count, string message)
    {
        using var manager = await app.ClientAsync(Manager, "en");

        var response = await manager.PostAsJsonAsync($"{Opening}/call", new { count });

        Assert.Equal(message, await response.DetailAsync(HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("party")]
    [InlineData("2")]
    [InlineData("")]
    public async Task AnUnknownModeIsRefused(string mode)
    {
        using var manager = await app.ClientAsync(Manager, "en");

        var response = await manager.PostAsJsonAsync($"{Opening}/mode", new { mode });

        Assert.Equal($"\"{mode}\" is not an opening mode: use off, rehearsal or live.", await response.DetailAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task AnUnknownProjectIsNotFound()
    {
        using var manager = await app.ClientAsync(Manager, "en");

        var response = await manager.GetAsync("/api/projects/98765/opening");

        Assert.Equal("This project does not exist.", await response.DetailAsync(HttpStatusCode.NotFound));
    }

    private async Task<List<TicketView>> ListAsync(HttpClient client) => (await client.GetFromJsonAsync<List<TicketView>>(Tickets))!;

    private async Task<TicketView> IssueAsync(HttpClient client, string phone)
    {
        var response = await client.PostAsJsonAsync(Tickets, new { buyerName = "孙悦", buyerPhone = phone, amount = 20_000m });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TicketView>())!;
    }
}
