using System.Text.Json;
using System.Text.Json.Serialization;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using Realty.Live.Web.Components;
using Realty.Live.Web.Data;
using Realty.Live.Web.Diagnostics;
using Realty.Live.Web.Features.Account;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Changes;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Deals;
using Realty.Live.Web.Features.Displays;
using Realty.Live.Web.Features.Notices;
using Realty.Live.Web.Features.Opening;
using Realty.Live.Web.Features.Ownership;
using Realty.Live.Web.Features.Pricing;
using Realty.Live.Web.Features.Presence;
using Realty.Live.Web.Features.Questionnaires;
using Realty.Live.Web.Features.Reminders;
using Realty.Live.Web.Features.Replay;
using Realty.Live.Web.Features.Reports;
using Realty.Live.Web.Features.Setup;
using Realty.Live.Web.Localization;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Web;

/// <summary>Everything the app registers and maps, in one place; Program.cs only calls these.</summary>
public static class RealtyLive
{
    public static WebApplicationBuilder AddRealtyLive(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var provider = builder.AddRealtyDatabase();
        // A lost race fails its write on the database's guards, and UnitService answers it as a
        // conflict. EF would log each one as an error with a stack trace (two, in fact): on opening
        // day that is thousands of lines and a tenth of the CPU. Failures nobody handles are rethrown
        // and logged where they surface.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Update", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);

        services.AddRazorComponents().AddInteractiveServerComponents();
        // Notices at the bottom left, clear of the unit sheet on the right and its close button.
        services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomLeft);
        services.AddRealtime(builder.Configuration);
        services.AddPresence(builder.Configuration);
        // Cookies, bearer tokens and prerendered circuits must be readable on every node of a cluster,
        // and stay valid across restarts: the keys live in the shared database.
        services.AddDataProtection().SetApplicationName("Realty.Live").PersistKeysToDbContext<RealtyDbContext>();
        services.AddProblemDetails();
        // Plan and discount kinds read as words in the API, not as numbers that shift when a kind is added.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        // An unreadable request body is the caller's mistake in every environment: answer 400, never a developer page.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.AddHealthChecks();
        services.AddOpenApi();
        services.AddCascadingAuthenticationState();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new("zh-CN");
            o.SupportedCultures = o.SupportedUICultures = L.Cultures;
            o.FallBackToParentUICultures = o.FallBackToParentCultures = true;
        });

        services.AddIdentityApiEndpoints<AppUser>(o =>
            {
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddRoles<IdentityRole>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddEntityFrameworkStores<RealtyDbContext>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/login";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            // The API answers with status codes, never with a redirect to the login page.
            o.Events.OnRedirectToLogin = c => ApiOr(c.HttpContext, StatusCodes.Status401Unauthorized, () => c.Response.Redirect(c.RedirectUri));
            o.Events.OnRedirectToAccessDenied = c => ApiOr(c.HttpContext, StatusCodes.Status403Forbidden, () => c.Response.Redirect(c.RedirectUri));
        });
        // Browser pages are challenged by the cookie (to the sign-in page, or 401/403 for the API);
        // bearer tokens are still accepted on every request that carries one.
        services.Configure<Microsoft.AspNetCore.Authentication.AuthenticationOptions>(o =>
        {
            o.DefaultChallengeScheme = IdentityConstants.ApplicationScheme;
            o.DefaultForbidScheme = IdentityConstants.ApplicationScheme;
        });
        // Browser WebSockets cannot send headers: hub clients pass the bearer token in the query string.
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.Events.OnMessageReceived = c =>
        {
            if (c.Request.Path.StartsWithSegments(BoardHub.Path) && c.Request.Query["access_token"] is [{ Length: > 0 } token])
            {
                c.Token = token;
            }
            return Task.CompletedTask;
        });
        services.AddAuthorization();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CircuitCounter>();
        services.AddSingleton<CircuitHandler>(sp => sp.GetRequiredService<CircuitCounter>());
        services.AddSingleton<UnitService>();
        services.AddSingleton<QuoteService>();
        services.AddSingleton<ActionThrottle>();
        services.AddSingleton<SalesTermsService>();
        services.AddSingleton<ChangeService>();
        services.AddSingleton<OpeningService>();
        services.AddSingleton<OpeningWatch>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<DisplayLinkService>();
        services.AddSingleton<PriceService>();
        services.AddSingleton<CustomerService>();
        services.AddSingleton<LedgerService>();
        services.AddTransient<DeadlinesJob>();
        services.AddSingleton<CustomerImport>();
        services.AddSingleton<CustomerExport>();
        services.AddSingleton<QuestionnaireService>();
        services.AddSingleton<DuplicateReviewService>();
        services.AddSingleton<TransferService>();
        services.AddSingleton<PoolService>();
        services.AddSingleton<ChannelAdminService>();
        services.AddTransient<PoolJob>();
        services.AddSingleton<ReplayService>();
        services.AddSingleton<ReportService>();
        services.AddNotices(builder.Configuration);

        services.AddHangfire(config =>
        {
            config.UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            var connection = DatabaseSetup.ConnectionString(builder.Configuration, builder.Environment.ContentRootPath);
            // SQLite has no Hangfire storage: jobs run in memory and are idempotent and re-registered at start.
            switch (provider)
            {
                case DatabaseProvider.PostgreSql:
                    config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connection));
                    break;
                case DatabaseProvider.SqlServer:
                    config.UseSqlServerStorage(connection);
                    break;
                default:
                    config.UseInMemoryStorage();
                    break;
            }
        });
        if (builder.Configuration.GetValue("Jobs:Enabled", true))
        {
            services.AddHangfireServer(o => o.SchedulePollingInterval = TimeSpan.FromSeconds(5));
        }
        return builder;
    }

    public static async Task<WebApplication> UseRealtyLiveAsync(this WebApplication app)
    {
        await app.MigrateRealtyDatabaseAsync();
        if (app.Configuration.GetValue("Demo:Seed", false))
        {
            await DemoSeed.SeedAsync(app.Services, app.Services.GetRequiredService<TimeProvider>());
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        // Localisation runs first so that errors the framework itself produces (401, 403, 404, an
        // unreadable body) are explained in the caller's language too.
        var node = RealtimeSetup.NodeName(app.Configuration);
        app.Use((http, next) =>
        {
            http.Response.Headers["X-Realty-Node"] = node;
            return next(http);
        });
        app.UseRequestLocalization();
        app.UseStatusCodePages(async c =>
        {
            if (c.HttpContext.Request.Path.StartsWithSegments("/api"))
            {
                var status = c.HttpContext.Response.StatusCode;
                await Results.Problem(statusCode: status, detail: L.StatusDetail(status)).ExecuteAsync(c.HttpContext);
            }
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/health");
        app.MapDiagnostics(app.Configuration);
        app.MapOpenApi();
        app.MapAuthEndpoints();
        app.MapUnitApi();
        app.MapDealApi();
        app.MapOpeningApi();
        app.MapChangeApi();
        app.MapReminderApi();
        app.MapDisplayLinkApi();
        app.MapPricingApi();
        app.MapCustomerApi();
        app.MapQuestionnaireApi();
        app.MapReportApi();
        app.MapHub<BoardHub>(BoardHub.Path);
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new AdminOnly()], AppPath = "/" });
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        // The first release's job expired holds only; stored schedules (PostgreSQL, SQL Server) still name it.
        jobs.RemoveIfExists("expire-holds");
        jobs.AddOrUpdate<DeadlinesJob>(DeadlinesJob.Id, job => job.RunAsync(), Cron.Minutely());
        // Hourly: each project's day starts at its own midnight, and a run finds nothing new most hours.
        jobs.AddOrUpdate<PoolJob>(PoolJob.Id, job => job.RunAsync(), Cron.Hourly());
        jobs.AddNoticeJobs();
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
        return app;
    }

    private static Task ApiOr(HttpContext http, int status, Action otherwise)
    {
        if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/hubs"))
        {
            http.Response.StatusCode = status;
        }
        else
        {
            otherwise();
        }
        return Task.CompletedTask;
    }

    private sealed class AdminOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
    }
}
