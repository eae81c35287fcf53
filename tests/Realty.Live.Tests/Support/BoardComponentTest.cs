using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Account;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Tests.Support;

/// <summary>
/// The one place that sets up bUnit for the board's components: MudBlazor, loose JS interop, a
/// signed-in person, and the app's real board services over a fresh SQLite file with a seeded project.
/// </summary>
public abstract class BoardComponentTest : BunitContext, IAsyncLifetime
{
    private readonly BunitAuthorizationContext _auth;

    protected BoardComponentTest()
    {
        // Renders wait on a real database, on a CI machine that runs the browser suite alongside.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRealtyBoard(Database.Factory(), Clock);
        _auth = AddAuthorization();
        SignInAs(People.Wang);
    }

    protected TestDatabase Database { get; } = TestDatabase.Create();

    protected FakeTimeProvider Clock { get; } = new(Moments.Start);

    protected SeededProject Project { get; private set; } = default!;

    protected UnitService Units => Services.GetRequiredService<UnitService>();

    protected BoardState Boards => Services.GetRequiredService<BoardState>();

    /// <summary>The project every test of the class starts from; override for another.</summary>
    protected virtual ProjectBuilder Seed => ProjectBuilder.ATenFloorTower().WithBuilding("2#", 3, ("01", "C"));

    public virtual async Task InitializeAsync()
    {
        Project = await Seed.SaveAsync(Database, Clock.GetUtcNow().UtcDateTime);
        await Services.StartRelayAsync();
    }

    /// <summary>
    /// MudBlazor's selects leave a service that can only be disposed asynchronously, which the
    /// synchronous dispose xunit calls afterwards would throw on: the context is disposed here first.
    /// </summary>
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Database.Dispose();
    }

    /// <summary>Signs in as the actor, with the claims the app's cookie carries.</summary>
    protected void SignInAs(Actor actor)
    {
        _auth.SetAuthorized(actor.Name);
        // Roles before claims: setting roles rebuilds the user without the claims set before.
        _auth.SetRoles(actor.IsManager ? Roles.Manager : Roles.Agent);
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, actor.Id), new Claim(UserActor.DisplayNameClaim, actor.Name));
    }

    /// <summary>Another agent holds a unit of the seeded project, as if from their own tablet.</summary>
    protected Task<CommandResult> HoldAsync(string code, Actor agent) =>
        Units.ExecuteAsync(Project.UnitId(code), UnitAction.Hold, new UnitCommand(1, Customers.ZhaoName, Customers.ZhaoPhone), agent);
}
