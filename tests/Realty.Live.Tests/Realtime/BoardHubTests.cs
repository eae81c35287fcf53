using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Features.Displays;
using Realty.Live.Web.Realtime;
using static Realty.Live.Tests.Support.RealtyAppFactory;

namespace Realty.Live.Tests.Realtime;

public sealed class BoardHubTests(RealtyAppFactory app) : IClassFixture<RealtyAppFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ASignedInClientWatchingAProjectHearsAHoldMadeOverTheApi()
    {
        await using var hub = await ConnectAsync(await app.TokenAsync(Li));
        var heard = Listen(hub);
        await hub.InvokeAsync("Watch", app.ProjectId);

        var held = await HoldAsync();

        var message = await heard.WaitAsync(Patience);
        Assert.Equal(
            ["unitId", "code", "status", "version", "by", "at"],
            message.EnumerateObject().Select(p => p.Name));
        Assert.Equal(held.Id, message.GetProperty("unitId").GetInt32());
        Assert.Equal(held.Code, message.GetProperty("code").GetString());
        Assert.Equal("held", message.GetProperty("status").GetString());
        Assert.Equal(held.Version + 1, message.GetProperty("version").GetInt32());
        Assert.Equal("王芳", message.GetProperty("by").GetString());
        Assert.True(message.GetProperty("at").GetDateTime() > DateTime.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task TheTokenMayComeInTheQueryStringAsBrowserWebSocketsSendIt()
    {
        var token = await app.TokenAsync(Li);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, $"{BoardHub.Path.TrimStart('/')}?access_token={token}"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.WebSocketFactory = async (context, cancel) => await app.Server.CreateWebSocketClient().ConnectAsync(context.Uri, cancel);
            })
            .Build();
        await hub.StartAsync();
        var heard = Listen(hub);

        await hub.InvokeAsync("Watch", app.ProjectId);
        var held = await HoldAsync();

        Assert.Equal(held.Id, (await heard.WaitAsync(Patience)).GetProperty("unitId").GetInt32());
    }

    [Fact]
    public async Task AnAnonymousClientMayNotWatchAProject()
    {
        await using var hub = await ConnectAsync(token: null);

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Watch", app.ProjectId));

        Assert.Contains("Sign in", error.Message);
    }

    [Fact]
    public async Task WatchingAnUnknownProjectIsRefused()
    {
        await using var hub = await ConnectAsync(await app.TokenAsync(Li));

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Watch", 987_654));

        Assert.Contains("987654", error.Message);
    }

    [Fact]
    public async Task AScreenWithAValidDisplayTokenWatchesItsProject()
    {
        var link = await CreateLinkAsync();
        await using var hub = await ConnectAsync(token: null);
        var heard = Listen(hub);

        var projectId = await hub.InvokeAsync<int>("WatchDisplay", Token(link));
        var held = await HoldAsync();

        Assert.Equal(app.ProjectId, projectId);
        Assert.Equal(held.Id, (await heard.WaitAsync(Patience)).GetProperty("unitId").GetInt32());
    }

    [Fact]
    public async Task ARevokedDisplayTokenIsRefused()
    {
        var link = await CreateLinkAsync();
        using var manager = await app.ClientAsync(Manager);
        (await manager.DeleteAsync($"/api/projects/{app.ProjectId}/display-links/{link.Id}")).EnsureSuccessStatusCode();
        await using var hub = await ConnectAsync(token: null);

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<int>("WatchDisplay", Token(link)));

        Assert.Contains("not valid", error.Message);
    }

    [Fact]
    public async Task AClientThatStoppedWatchingHearsNothingUntilItWatchesAgain()
    {
        await using var hub = await ConnectAsync(await app.TokenAsync(Li));
        var heard = Listen(hub);
        await hub.InvokeAsync("Watch", app.ProjectId);
        await hub.InvokeAsync("Unwatch", app.ProjectId);

        await HoldAsync();
        await hub.InvokeAsync("Watch", app.ProjectId);
        var heldWhileWatching = await HoldAsync();

        // One connection receives in order: had the first hold reached it, it would have come first.
        Assert.Equal(heldWhileWatching.Id, (await heard.WaitAsync(Patience)).GetProperty("unitId").GetInt32());
    }

    private async Task<HubConnection> ConnectAsync(string? token)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, BoardHub.Path.TrimStart('/')), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                if (token is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .Build();
        await hub.StartAsync();
        return hub;
    }

    private static Task<JsonElement> Listen(HubConnection hub)
    {
        var heard = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("UnitChanged", message => heard.TrySetResult(message));
        return heard.Task;
    }

    private async Task<Web.Features.Board.UnitListItem> HoldAsync()
    {
        var unit = await app.TakeUnitAsync("available");
        using var wang = await app.ClientAsync(Wang);
        var response = await wang.ActAsync(unit.Id, "hold", new { expectedVersion = unit.Version, customerName = "张伟", customerPhone = "13800138000" });
        response.EnsureSuccessStatusCode();
        return unit;
    }

    private async Task<CreatedDisplayLink> CreateLinkAsync()
    {
        using var manager = await app.ClientAsync(Manager);
        var response = await manager.PostAsJsonAsync($"/api/projects/{app.ProjectId}/display-links", new { name = "大厅电视" });
        return (await response.Content.ReadFromJsonAsync<CreatedDisplayLink>())!;
    }

    private static string Token(CreatedDisplayLink link) => link.Url[(link.Url.LastIndexOf('/') + 1)..];
}
