using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Realtime;
using static Realty.Live.Tests.Support.RealtyAppFactory;

namespace Realty.Live.Tests.Features.Board;

public sealed class UnitApiTests(RealtyAppFactory app) : IClassFixture<RealtyAppFactory>
{
    private static readonly string[] WireStatuses = ["unreleased", "available", "withheld", "held", "deposited", "subscribed", "signed"];

    private readonly DateTime _started = DateTime.UtcNow;

    [Fact]
    public async Task ProjectsListTheDemoProjectWithItsBuildings()
    {
        using var client = await app.ClientAsync(Wang);

        var projects = await client.GetFromJsonAsync<List<ProjectSummary>>("/api/projects");

        var project = Assert.Single(projects!);
        Assert.Equal("滨江花园 Riverside Garden", project.Name);
        Assert.Equal(["1#", "2#", "3#", "4#"], project.Buildings);
        Assert.Equal(Project.DefaultHoldMinutes, project.HoldMinutes);
    }

    [Fact]
    public async Task UnitsListEveryUnitOfTheProjectWithStatusAndVersion()
    {
        using var client = await app.ClientAsync(Wang);

        var units = (await client.GetFromJsonAsync<List<UnitListItem>>($"/api/projects/{app.ProjectId}/units"))!;

        Assert.Equal((33 + 30 + 28 + 26) * 4, units.Count);
        Assert.Equal(units.Count, units.Select(u => u.Code).Distinct().Count());
        Assert.All(units, u => Assert.Contains(u.Status, WireStatuses));
        Assert.All(units, u => Assert.True(u.Version >= 1));
        Assert.Equal(["available", "unreleased", "withheld"], units.Select(u => u.Status).Where(s => s is "available" or "unreleased" or "withheld").Distinct().Order());
        Assert.Equal(("1#", 33), (units[0].Building, units[0].Floor));
    }

    [Fact]
    public async Task UnitsOfAnUnknownProjectAreNotFound()
    {
        using var client = await app.ClientAsync(Wang);

        var response = await client.GetAsync("/api/projects/987654/units");

        await response.DetailAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnitDetailsShowTheUnitItsDealAndHistory()
    {
        var listed = await app.TakeUnitAsync("signed");
        using var client = await app.ClientAsync(Manager);

        var unit = await client.UnitAsync(listed.Id);

        Assert.Equal((listed.Code, "signed", listed.Version, listed.ListPrice), (unit.Code, unit.Status, unit.Version, unit.ListPrice));
        Assert.Equal("signed", unit.Deal!.Stage);
        Assert.Equal(["sign", "subscribe", "publish"], unit.History.Select(e => e.Action));
    }

    [Fact]
    public async Task UnitDetailsOfAnUnknownUnitAreNotFound()
    {
        using var client = await app.ClientAsync(Wang, "en");

        var response = await client.GetAsync("/api/units/987654");

        Assert.Equal("This unit does not exist.", await response.DetailAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task AnAgentHoldsDepositsSubscribesAndSignsAUnit()
    {
        var listed = await app.TakeUnitAsync("available");
        using var client = await app.ClientAsync(Wang);

        var held = await ReadUnitAsync(await client.ActAsync(listed.Id, "hold", new { expectedVersion = listed.Version, customerName = "张伟", customerPhone = "+86 138-0013-8000" }));
        var deposited = await ReadUnitAsync(await client.ActAsync(listed.Id, "deposit", new { expectedVersion = held.Version }));
        var options = await client.GetFromJsonAsync<JsonElement>($"/api/units/{listed.Id}/options");
        var planId = options.GetProperty("plans")[0].GetProperty("id").GetInt32();
        var subscribed = await ReadUnitAsync(await client.ActAsync(listed.Id, "subscribe", new { expectedVersion = deposited.Version, planId }));
        var signed = await ReadUnitAsync(await client.ActAsync(listed.Id, "sign", new { expectedVersion = subscribed.Version, contractNo = "HT-2026-API-1" }));

        Assert.Equal(["held", "deposited", "subscribed", "signed"], new[] { held, deposited, subscribed, signed }.Select(u => u.Status));
        Assert.Equal(listed.Version + 4, signed.Version);
        Assert.Equal(("张伟", "13800138000", "王芳"), (signed.Deal!.CustomerName, signed.Deal.CustomerPhone, signed.Deal.AgentName));
        Assert.Equal((planId, listed.ListPrice, "HT-2026-API-1"), (signed.Deal.PlanId, signed.Deal.FinalPrice, signed.Deal.ContractNo));
        Assert.NotNull(held.HoldExpiresAt);
        Assert.Null(signed.HoldExpiresAt);
    }

    [Fact]
    public async Task AnAgentReleasesTheirHold()
    {
        var listed = await app.TakeUnitAsync("available");
        using var client = await app.ClientAsync(Wang);
        var held = await ReadUnitAsync(await client.ActAsync(listed.Id, "hold", new { expectedVersion = listed.Version, customerName = "张伟", customerPhone = "13800138000" }));

        var released = await ReadUnitAsync(await client.ActAsync(listed.Id, "release", new { expectedVersion = held.Version }));

        Assert.Equal(("available", null), (released.Status, released.Deal));
    }

    [Fact]
    public async Task AManagerPublishesWithholdsUnwithholdsAndWithdrawsAUnit()
    {
        var listed = await app.TakeUnitAsync("unreleased");
        using var client = await app.ClientAsync(Manager);

        var published = await ReadUnitAsync(await client.ActAsync(listed.Id, "publish", new { expectedVersion = listed.Version }));
        var withheld = await ReadUnitAsync(await client.ActAsync(listed.Id, "withhold", new { expectedVersion = published.Version, reason = "样板间" }));
        var unwithheld = await ReadUnitAsync(await client.ActAsync(listed.Id, "unwithhold", new { expectedVersion = withheld.Version }));
        var withdrawn = await ReadUnitAsync(await client.ActAsync(listed.Id, "withdraw", new { expectedVersion = unwithheld.Version }));

        Assert.Equal(["available", "withheld", "available", "unreleased"], new[] { published, withheld, unwithheld, withdrawn }.Select(u => u.Status));
        Assert.Equal("样板间", withheld.WithheldReason);
        Assert.Equal("陈静", withdrawn.StatusChangedBy);
    }

    [Fact]
    public async Task AHoldOverTheApiChangesTheSharedBoard()
    {
        var listed = await app.TakeUnitAsync("available");
        var board = (await app.Services.GetRequiredService<BoardState>().GetAsync(app.ProjectId))!;
        using var client = await app.ClientAsync(Wang);

        var held = await ReadUnitAsync(await client.ActAsync(listed.Id, "hold", new { expectedVersion = listed.Version, customerName = "张伟", customerPhone = "13800138000" }));

        Assert.Equal((UnitStatus.Held, held.Version), (board.Cell(listed.Id)!.Status, board.Cell(listed.Id)!.Version));
    }

    [Fact]
    public async Task AStaleVersionIsAConflictWithTheCurrentUnitAndSimilarOnes()
    {
        var listed = await app.TakeUnitAsync("available");
        using var li = await app.ClientAsync(Li, "en");
        using var wang = await app.ClientAsync(Wang, "en");
        await ReadUnitAsync(await li.ActAsync(listed.Id, "hold", new { expectedVersion = listed.Version, customerName = "赵丽", customerPhone = "13912345678" }));

        var response = await wang.ActAsync(listed.Id, "hold", new { expectedVersion = listed.Version, customerName = "张伟", customerPhone = "13800138000" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.StartsWith($"Too late: {listed.Code} was just changed by 李强", detail);
        var current = problem.GetProperty("unit");
        Assert.Equal(("held", listed.Version + 1), (current.GetProperty("status").GetString(), current.GetProperty("version").GetInt32()));
        Assert.Equal("139****5678", current.GetProperty("deal").GetProperty("customerPhone").GetString());
        var similar = problem.GetProperty("similar").EnumerateArray().ToList();
        Assert.InRange(similar.Count, 1, UnitService.SimilarCount);
        Assert.All(similar, s => Assert.Equal(listed.Layout, s.GetProperty("layout").GetString()));
        Assert.DoesNotContain(similar, s => s.GetProperty("id").GetInt32() == listed.Id);
        Assert.Equal("李强", (await wang.UnitAsync(listed.Id)).Deal!.AgentName);
    }

    [Fact]
    public async Task ABadMobileIsABadRequestAndChangesNothing()
    {
        var listed = await app.TakeUnitAsync("available");
        using var client = await app.ClientAsync(Wang, "en");

        var response = await client.ActAsync(listed.Id, "hold", new { expectedVersion = listed.Version, customerName = "张伟", customerPhone = "138-0013" });

        Assert.Contains("\"138-0013\" is not a valid mobile number", await response.DetailAsync(HttpStatusCode.BadRequest));
        await AssertUnchangedAsync(listed);
    }

    [Fact]
    public async Task AnActionTheStateDoesNotAllowIsABadRequestAndChangesNothing()
    {
        var listed = await app.TakeUnitAsync("available");
        using var client = await app.ClientAsync(Wang, "en");

        var response = await client.ActAsync(listed.Id, "release", new { expectedVersion = listed.Version });

        Assert.Equal($"{listed.Code} is Available: \"Release\" is not possible now.", await response.DetailAsync(HttpStatusCode.BadRequest));
        await AssertUnchangedAsync(listed);
    }

    [Fact]
    public async Task AMissingBodyIsABadRequestAndChangesNothing()
    {
        var listed = await app.TakeUnitAsync("available");
        using var client = await app.ClientAsync(Wang, "en");

        var response = await client.PostAsync($"/api/units/{listed.Id}/hold", JsonContent.Create<object?>(null));

        Assert.StartsWith("Send the command as JSON", await response.DetailAsync(HttpStatusCode.BadRequest));
        await AssertUnchangedAsync(listed);
    }

    [Fact]
    public async Task ACommandWithoutExpectedVersionIsABadRequestNotAConflict()
    {
        var listed = await app.TakeUnitAsync("available");
        using var client = await app.ClientAsync(Wang, "en");

        var response = await client.ActAsync(listed.Id, "hold", new { customerName = "张伟", customerPhone = "13800138000" });

        Assert.StartsWith("Send the command as JSON", await response.DetailAsync(HttpStatusCode.BadRequest));
        await AssertUnchangedAsync(listed);
    }

    [Fact]
    public async Task AnAgentCannotMoveAnotherAgentsDeal()
    {
        var listed = await app.TakeUnitAsync("available");
        using var wang = await app.ClientAsync(Wang);
        using var li = await app.ClientAsync(Li, "en");
        var held = await ReadUnitAsync(await wang.ActAsync(listed.Id, "hold", new { expectedVersion = listed.Version, customerName = "张伟", customerPhone = "13800138000" }));

        var response = await li.ActAsync(listed.Id, "subscribe", new { expectedVersion = held.Version });

        Assert.Equal($"{listed.Code} is in a deal of 王芳; only they or a manager can change it.", await response.DetailAsync(HttpStatusCode.BadRequest));
        var after = await li.UnitAsync(listed.Id);
        Assert.Equal(("held", held.Version, "王芳"), (after.Status, after.Version, after.Deal!.AgentName));
    }

    [Theory]
    [InlineData("en", "This unit does not exist.")]
    [InlineData("en-GB,en;q=0.8", "This unit does not exist.")]
    [InlineData("zh-CN", "房源不存在。")]
    [InlineData("zh-TW,zh;q=0.9", "房源不存在。")]
    [InlineData(null, "房源不存在。")]
    public async Task MessagesFollowTheCallersLanguage(string? language, string expected)
    {
        using var client = await app.ClientAsync(Wang, language);

        var response = await client.ActAsync(987_654, "hold", new { expectedVersion = 1, customerName = "张伟", customerPhone = "13800138000" });

        Assert.Equal(expected, await response.DetailAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task RuleMessagesAreInChineseForChineseCallers()
    {
        var listed = await app.TakeUnitAsync("available");
        using var client = await app.ClientAsync(Wang, "zh-CN");

        var response = await client.ActAsync(listed.Id, "release", new { expectedVersion = listed.Version });

        Assert.Equal($"{listed.Code} 当前为「可售」，不能「释放」。", await response.DetailAsync(HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("/api/projects")]
    [InlineData("/api/units/1")]
    public async Task ReadingWithoutATokenIsUnauthorizedAndSaysHowToSignIn(string path)
    {
        using var client = await app.ClientAsync(email: null, "zh-CN");

        var response = await client.GetAsync(path);

        Assert.Contains("请先登录", await response.DetailAsync(HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task AnUnreadableBodyIsABadRequestWithAnExplanationAndChangesNothing()
    {
        var listed = await app.TakeUnitAsync("available");
        using var client = await app.ClientAsync(Wang, "en");

        var response = await client.PostAsync($"/api/units/{listed.Id}/hold", new StringContent("{expectedVersion: ", System.Text.Encoding.UTF8, "application/json"));

        Assert.StartsWith("The request could not be read", await response.DetailAsync(HttpStatusCode.BadRequest));
        await AssertUnchangedAsync(listed);
    }

    [Fact]
    public async Task AnUnknownAddressUnderTheApiIsNotFoundWithAnExplanation()
    {
        using var client = await app.ClientAsync(Wang, "en");

        var response = await client.GetAsync("/api/no-such-thing");

        Assert.Equal("There is nothing at this address.", await response.DetailAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task ActingWithoutATokenIsUnauthorizedAndChangesNothing()
    {
        var listed = await app.TakeUnitAsync("available");
        using var client = await app.ClientAsync(email: null);

        var response = await client.ActAsync(listed.Id, "hold", new { expectedVersion = listed.Version, customerName = "张伟", customerPhone = "13800138000" });

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        await AssertUnchangedAsync(listed);
    }

    [Theory]
    [InlineData(Wang, "available", "withhold")]
    [InlineData(Wang, "available", "withdraw")]
    [InlineData(Li, "unreleased", "publish")]
    [InlineData(Li, "withheld", "unwithhold")]
    [InlineData(Finance, "available", "hold")]
    public async Task ActionsBeyondTheCallersRoleAreForbiddenAndChangeNothing(string email, string status, string action)
    {
        var listed = await app.TakeUnitAsync(status);
        using var client = await app.ClientAsync(email, "en");

        var response = await client.ActAsync(listed.Id, action, new { expectedVersion = listed.Version, reason = "自己留着", customerName = "张伟", customerPhone = "13800138000" });

        Assert.Equal("You do not have permission for this.", await response.DetailAsync(HttpStatusCode.Forbidden));
        await AssertUnchangedAsync(listed);
    }

    [Fact]
    public async Task AnUnknownUnitIsNotFound()
    {
        using var client = await app.ClientAsync(Wang, "en");

        var response = await client.ActAsync(987_654, "hold", new { expectedVersion = 1, customerName = "张伟", customerPhone = "13800138000" });

        Assert.Equal("This unit does not exist.", await response.DetailAsync(HttpStatusCode.NotFound));
    }

    [Theory]
    [InlineData("explode")]
    [InlineData("expire")]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("publish,withdraw")]
    [InlineData(" hold")]
    public async Task AnUnknownActionIsNotFoundAndChangesNothing(string action)
    {
        var listed = await app.TakeUnitAsync("available");
        using var client = await app.ClientAsync(Manager, "en");

        var response = await client.ActAsync(listed.Id, action, new { expectedVersion = listed.Version, customerName = "张伟", customerPhone = "13800138000", reason = "x" });

        Assert.Equal($"Unknown action \"{action}\".", await response.DetailAsync(HttpStatusCode.NotFound));
        await AssertUnchangedAsync(listed);
    }

    private static async Task<UnitDetails> ReadUnitAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<UnitDetails>())!;
    }

    private async Task AssertUnchangedAsync(UnitListItem before)
    {
        using var client = await app.ClientAsync(Manager);
        var now = await client.UnitAsync(before.Id);
        Assert.Equal((before.Status, before.Version), (now.Status, now.Version));
        Assert.DoesNotContain(now.History, e => e.At >= _started);
    }
}
