using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Pricing;
using static Realty.Live.Tests.Support.RealtyAppFactory;

// Not "Features.Customers": that namespace would hide the Customers test data from every other test.
namespace Realty.Live.Tests.Features.CustomerRegistration;

/// <summary>The customer API over the demo project; every test registers mobiles of its own, the app being shared.</summary>
public sealed class CustomerApiTests(RealtyAppFactory app) : IClassFixture<RealtyAppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private string Customers => $"/api/projects/{app.ProjectId}/customers";

    [Fact]
    public async Task AnAgentRegistersAWalkInAndListsItAsTheirOwn()
    {
        using var wang = await app.ClientAsync(Wang, "en");

        var response = await wang.PostAsJsonAsync(Customers, new { name = "孙浩", mobile = "+86 137-0000-1001", channel = "路过", firstContact = "call" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<CustomerView>(Json))!;
        Assert.Equal($"/api/customers/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("孙浩", "13700001001", "路过", Realty.Live.Web.Domain.FirstContact.Call, true), (created.Name, created.Phone, created.Channel, created.FirstContact, created.Mine));
        var mine = (await wang.GetFromJsonAsync<List<CustomerView>>($"{Customers}?text=1001&stage=potential&channel=路过", Json))!;
        Assert.Equal([created.Id], mine.Select(c => c.Id));
        using var li = await app.ClientAsync(Li);
        Assert.DoesNotContain((await li.GetFromJsonAsync<List<CustomerView>>(Customers, Json))!, c => c.Id == created.Id);
        using var manager = await app.ClientAsync(Manager);
        Assert.Contains((await manager.GetFromJsonAsync<List<CustomerView>>(Customers, Json))!, c => c.Id == created.Id && c.Phone == "13700001001");
    }

    [Fact]
    public async Task ASecondAgentsRegistrationOfTheSameMobileIsAConflictNamingTheOwner()
    {
        using var wang = await app.ClientAsync(Wang);
        using var li = await app.ClientAsync(Li, "en");
        await wang.PostAsJsonAsync(Customers, new { name = "周敏", mobile = "13700001002", channel = "路过" });

        var response = await li.PostAsJsonAsync(Customers, new { name = "周女士", mobile = "137 0000 1002", channel = "路过" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("王芳", problem.GetProperty("owner").GetString());
        Assert.StartsWith("This mobile number is already registered by 王芳", problem.GetProperty("detail").GetString());
        Assert.Equal("137****1002", problem.GetProperty("existing").GetProperty("phone").GetString());
    }

    [Fact]
    public async Task APossibleDuplicateIsAConflictWithTheMatchesUntilConfirmed()
    {
        using var wang = await app.ClientAsync(Wang);
        using var li = await app.ClientAsync(Li);
        await wang.PostAsJsonAsync(Customers, new { name = "吴刚", mobile = "13700001003", channel = "路过" });

        var unconfirmed = await li.PostAsJsonAsync(Customers, new { name = "吴刚", mobile = "13700001004", channel = "路过" });
        var confirmed = await li.PostAsJsonAsync(Customers, new { name = "吴刚", mobile = "13700001004", channel = "路过", confirm = true });

        var match = Assert.Single((await unconfirmed.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("matches").EnumerateArray());
        Assert.Equal(("王芳", "137****1003"), (match.GetProperty("ownerName").GetString(), match.GetProperty("phone").GetString()));
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
    }

    [Theory]
    [InlineData("{\"name\":\"<script>alert(1)</script>\",\"mobile\":\"13700001005\",\"channel\":\"路过\"}", "The customer's name contains characters that are not allowed")]
    [InlineData("{\"name\":\"郑爽\",\"mobile\":\"1370000100\",\"channel\":\"路过\"}", "\"1370000100\"")]
    [InlineData("{\"name\":\"郑爽\",\"mobile\":\"13700001005\",\"channel\":\"电视\"}", "\"电视\"")]
    [InlineData("{\"name\":\"郑爽\",\"mobile\":\"13700001005\",\"channel\":\"路过\",\"firstContact\":\"fax\"}", "")]
    [InlineData("not json", "")]
    public async Task ABadRegistrationIsABadRequestThatRegistersNobody(string body, string detail)
    {
        using var wang = await app.ClientAsync(Wang, "en");

        var response = await wang.PostAsync(Customers, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains(detail, await response.DetailAsync(HttpStatusCode.BadRequest));
        Assert.DoesNotContain((await wang.GetFromJsonAsync<List<CustomerView>>(Customers, Json))!, c => c.Phone == "13700001005");
    }

    [Fact]
    public async Task AListWithAStageThatDoesNotExistIsABadRequestAndAnUnknownProjectNotFound()
    {
        using var wang = await app.ClientAsync(Wang, "en");

        Assert.Contains("\"7\"", await (await wang.GetAsync($"{Customers}?stage=7")).DetailAsync(HttpStatusCode.BadRequest));
        Assert.Equal("This project does not exist.", await (await wang.GetAsync($"/api/projects/{app.ProjectId + 100}/customers")).DetailAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task TheLedgerIsTheOwnersAndTheManagersOnly()
    {
        using var wang = await app.ClientAsync(Wang);
        var id = await RegisterAsync(wang, "冯雪", "13700001006");
        using var li = await app.ClientAsync(Li, "en");
        using var manager = await app.ClientAsync(Manager);
        using var finance = await app.ClientAsync(Finance);

        var own = await wang.GetFromJsonAsync<JsonElement>($"/api/customers/{id}");
        var refused = await li.GetAsync($"/api/customers/{id}");

        Assert.Equal("冯雪", own.GetProperty("customer").GetProperty("name").GetString());
        Assert.Equal("This customer belongs to 王芳: only they or a sales manager can see and change the ledger.", await refused.DetailAsync(HttpStatusCode.Forbidden));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/customers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.GetAsync($"/api/customers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await wang.GetAsync("/api/customers/999999")).StatusCode);
        using var anonymous = await app.ClientAsync(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/customers/{id}")).StatusCode);
    }

    [Fact]
    public async Task AnInteractionWithMarkupIsStoredAndReturnedAsText()
    {
        using var wang = await app.ClientAsync(Wang);
        var id = await RegisterAsync(wang, "陈晨", "13700001007");
        const string note = "<script>alert('x')</script> 想要 <b>南向</b>";

        var response = await wang.PostAsJsonAsync($"/api/customers/{id}/interactions", new { kind = "followUp", note });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ledger = await wang.GetAsync($"/api/customers/{id}");
        // JSON, never HTML: a client shows the note as the string it is.
        Assert.Equal("application/json", ledger.Content.Headers.ContentType?.MediaType);
        var entry = Assert.Single((await ledger.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("timeline").EnumerateArray());
        Assert.Equal(note, entry.GetProperty("note").GetString());
    }

    [Fact]
    public async Task AnInteractionIsRefusedForAnotherAgentsCustomerAndWhenItBreaksARule()
    {
        using var wang = await app.ClientAsync(Wang, "en");
        var id = await RegisterAsync(wang, "褚楚", "13700001008");
        using var li = await app.ClientAsync(Li);

        var foreign = await li.PostAsJsonAsync($"/api/customers/{id}/interactions", new { kind = "call", note = "hi" });
        var noNote = await wang.PostAsJsonAsync($"/api/customers/{id}/interactions", new { kind = "followUp", note = " " });
        var control = await wang.PostAsJsonAsync($"/api/customers/{id}/interactions", new { kind = "call", note = "bell\u0007" });
        var missing = await wang.PostAsJsonAsync("/api/customers/999999/interactions", new { kind = "call" });

        await foreign.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Write a note: a follow-up or complaint needs one.", await noNote.DetailAsync(HttpStatusCode.BadRequest));
        Assert.Equal("The note contains control characters; type it again as plain text.", await control.DetailAsync(HttpStatusCode.BadRequest));
        await missing.ProblemAsync(HttpStatusCode.NotFound);
        var ledger = await wang.GetFromJsonAsync<JsonElement>($"/api/customers/{id}");
        Assert.Empty(ledger.GetProperty("timeline").EnumerateArray());
    }

    [Fact]
    public async Task TheExportListsWhatTheViewerMaySee()
    {
        using var wang = await app.ClientAsync(Wang);
        using var li = await app.ClientAsync(Li);
        await RegisterAsync(wang, "卫青", "13700001009");
        await RegisterAsync(li, "蒋欣", "13700001010");

        var response = await li.GetAsync($"{Customers}.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PriceSheet.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Matches($"^customers-{app.ProjectId}-\\d{{8}}\\.xlsx$", response.Content.Headers.ContentDisposition?.FileName);
        var rows = new MemoryStream(await response.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var listed = (await li.GetFromJsonAsync<List<CustomerView>>(Customers, Json))!;
        Assert.Equal(listed.Select(c => (c.Name, c.Phone)), rows.Select(r => ((string)r[CustomerSheet.Name.Header]!, (string)r[CustomerSheet.Mobile.Header]!)));
        Assert.Contains(rows, r => (string)r[CustomerSheet.Name.Header]! == "蒋欣");
        Assert.DoesNotContain(rows, r => (string)r[CustomerSheet.Name.Header]! == "卫青");
        using var finance = await app.ClientAsync(Finance);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.GetAsync($"{Customers}.xlsx")).StatusCode);
    }

    private async Task<int> RegisterAsync(HttpClient client, string name, string mobile)
    {
        var response = await client.PostAsJsonAsync(Customers, new { name, mobile, channel = "路过" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}
