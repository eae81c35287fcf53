using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Localization;
using static Realty.Live.Tests.Features.CustomerRegistration.CustomerSheets;

// Not "Features.Customers": that namespace would hide the Customers test data from every other test.
namespace Realty.Live.Tests.Features.CustomerRegistration;

public sealed class CustomerImportTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;

    private CustomerImport Import => _app.Service<CustomerImport>();

    private CustomerService Registry => _app.Service<CustomerService>();

    public async Task InitializeAsync()
    {
        _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());
        await using var db = _app.Open();
        await AddAccountsAsync(db);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ThePreviewSaysWhatBecomesOfEveryRowAndWritesNothing()
    {
        await Registry.RegisterAsync(Registration(_project.Id, Customers.ZhangName, Customers.ZhangPhone), People.Li);

        var report = await Import.PreviewAsync(_project.Id, Sheet(
            new("孙浩", "13700001111"),
            new("周敏", "+86 137-0000-2222", "网络推广", "来电 Call"),
            new("吴刚", "137 0000 1111"),
            new("张先生", "0086 13800138000"),
            new("王五", "12345"),
            new("赵六", "13600003333", "电视广告"),
            new("", "13600004444")), People.Wang);

        Assert.False(report.Applied || report.CanApply);
        Assert.Equal(L.T("customer.import.mustCorrect", 3, 7), report.Summary);
        Assert.Equal(
            [
                (2, ImportOutcome.Created, L.T("customer.import.created", People.Wang.Name)),
                (3, ImportOutcome.Created, L.T("customer.import.created", People.Wang.Name)),
                (4, ImportOutcome.Duplicate, L.T("customer.import.duplicateInFile", 2, People.Wang.Name)),
                (5, ImportOutcome.Duplicate, L.T("customer.import.duplicate", People.Li.Name, L.Time(Moments.Start, "MM-dd"))),
                (6, ImportOutcome.Invalid, L.T("customer.phone.invalid", "12345")),
                (7, ImportOutcome.Invalid, L.T("customer.channel.unknown", "电视广告")),
                (8, ImportOutcome.Invalid, L.T("customer.name.required")),
            ],
            report.Rows.Select(r => (r.Row, r.Outcome, r.Message)));
        Assert.Equal(("周敏", "13700002222"), (report.Rows[1].Name, report.Rows[1].Mobile));
        Assert.Equal(People.Li.Name, report.Rows[3].Owner);
        await using var db = _app.Open();
        Assert.Equal(1, await db.Customers.CountAsync());
        Assert.Equal(0, await db.DuplicateAttempts.CountAsync());
    }

    [Fact]
    public async Task ApplyingRegistersTheNewRowsAndLogsOnlyAnotherAgentsMobile()
    {
        await Registry.RegisterAsync(Registration(_project.Id, Customers.ZhangName, Customers.ZhangPhone), People.Li);
        await Registry.RegisterAsync(Registration(_project.Id, Customers.ZhaoName, Customers.ZhaoPhone), People.Wang);
        _app.Clock.Advance(TimeSpan.FromHours(1));
        var lines = new SheetLine[]
        {
            new("孙浩", "13700001111"),
            new("周敏", "13700002222", "网络推广", "call"),
            new("吴刚", "13700001111"),
            new("张先生", Customers.ZhangPhone),
            new(Customers.ZhaoName, Customers.ZhaoPhone),
        };

        var preview = await Import.PreviewAsync(_project.Id, Sheet(lines), People.Wang);
        var applied = await Import.ApplyAsync(_project.Id, Sheet(lines), People.Wang);

        Assert.True(preview.CanApply);
        Assert.Equal(L.T("customer.import.preview", 2, 3), preview.Summary);
        Assert.True(applied.Applied);
        Assert.Equal(L.T("customer.import.applied", 2, 3), applied.Summary);
        Assert.Equal(L.T("customer.duplicate", People.Li.Name, L.Time(Moments.Start, "MM-dd")), applied.Rows[3].Message);
        Assert.Equal(L.T("customer.duplicate.yours", Customers.ZhaoName, L.Time(Moments.Start, "MM-dd")), applied.Rows[4].Message);
        await using var db = _app.Open();
        var imported = await db.Customers.Where(c => c.RegisteredAt == _app.Now).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(
            [("孙浩", "13700001111", FirstContact.WalkIn, "户外广告"), ("周敏", "13700002222", FirstContact.Call, "网络推广")],
            imported.Select(c => (c.Name, c.Mobile, c.FirstContact, c.Channel)));
        Assert.All(imported, c => Assert.Equal((People.Wang.Id, FunnelStage.Potential), (c.OwnerId, c.Stage)));
        // Li's customer: logged against Wang with the name typed. Wang's own customer and the file's own repeat: not logged.
        var attempt = await db.DuplicateAttempts.SingleAsync();
        var zhang = await db.Customers.SingleAsync(c => c.Mobile == Customers.ZhangPhone);
        Assert.Equal((zhang.Id, People.Wang.Id, "张先生", _app.Now), (attempt.CustomerId, attempt.AttemptedById, attempt.TypedName, attempt.AttemptedAt));
        Assert.Equal(People.Li.Id, zhang.OwnerId);
    }

    [Fact]
    public async Task AnInvalidRowMeansNothingIsAppliedNotEvenTheDuplicateLog()
    {
        await Registry.RegisterAsync(Registration(_project.Id, Customers.ZhangName, Customers.ZhangPhone), People.Li);

        var report = await Import.ApplyAsync(_project.Id, Sheet(new("孙浩", "13700001111"), new("张先生", Customers.ZhangPhone), new("<b>王五</b>", "13700003333")), People.Wang);

        Assert.False(report.Applied);
        Assert.Equal(L.T("customer.name.invalid"), report.Rows[2].Message);
        await using var db = _app.Open();
        Assert.Equal([Customers.ZhangPhone], await db.Customers.Select(c => c.Mobile).ToListAsync());
        Assert.Equal(0, await db.DuplicateAttempts.CountAsync());
    }

    [Fact]
    public async Task AFailureWhileSavingLeavesNothingOfTheFileBehind()
    {
        await Registry.RegisterAsync(Registration(_project.Id, Customers.ZhangName, Customers.ZhangPhone), People.Li);
        // Another agent registers the third row's mobile after the rows were checked, just before they are saved.
        var interloper = new RegisterJustBeforeSave(() => Registry.RegisterAsync(Registration(_project.Id, "周先生", "13700003333"), People.Li));
        var import = new CustomerImport(_app.Database.Factory(interloper), _app.Clock);

        var report = await import.ApplyAsync(_project.Id, Sheet(
            new("孙浩", "13700001111"), new("周敏", "13700002222"), new("吴刚", "13700003333"), new("张先生", Customers.ZhangPhone)), People.Wang);

        Assert.Equal((false, L.T("customer.import.raced")), (report.Applied, report.Summary));
        Assert.True(interloper.Fired);
        await using var db = _app.Open();
        Assert.Equal([Customers.ZhangPhone, "13700003333"], await db.Customers.OrderBy(c => c.Id).Select(c => c.Mobile).ToListAsync());
        Assert.Equal(0, await db.DuplicateAttempts.CountAsync());
    }

    [Fact]
    public async Task AManagerImportsForAgentsByTheirAccountsAndAnUnknownAccountIsInvalid()
    {
        var lines = new SheetLine[] { new("孙浩", "13700001111", Account: LiAccount.ToUpperInvariant()), new("周敏", "13700002222"), new("吴刚", "13700003333", Account: "nobody@demo.realty.live") };

        var refused = await Import.PreviewAsync(_project.Id, Sheet(lines), People.Chen);
        var applied = await Import.ApplyAsync(_project.Id, Sheet(lines[..2]), People.Chen);

        Assert.Equal(L.T("customer.import.agentUnknown", "nobody@demo.realty.live"), refused.Rows[2].Message);
        Assert.True(applied.Applied);
        Assert.Equal([People.Li.Name, People.Chen.Name], applied.Rows.Select(r => r.Owner));
        await using var db = _app.Open();
        var owners = await db.Customers.OrderBy(c => c.Id).Select(c => new { c.OwnerId, c.OwnerName }).ToListAsync();
        Assert.Equal([(People.Li.Id, People.Li.Name), (People.Chen.Id, People.Chen.Name)], owners.Select(o => (o.OwnerId, o.OwnerName)));
    }

    [Fact]
    public async Task AnAgentImportsOnlyForThemselves()
    {
        var report = await Import.PreviewAsync(_project.Id, Sheet(new("孙浩", "13700001111", Account: WangAccount), new("周敏", "13700002222", Account: LiAccount)), People.Wang);

        Assert.Equal([ImportOutcome.Created, ImportOutcome.Invalid], report.Rows.Select(r => r.Outcome));
        Assert.Equal(L.T("customer.import.agentManagerOnly"), report.Rows[1].Message);
    }

    [Fact]
    public async Task TheSameNameWithAnotherNumberIsImportedAsAnotherPersonAndSaysSo()
    {
        await Registry.RegisterAsync(Registration(_project.Id, Customers.ZhangName, Customers.ZhangPhone), People.Li);

        var report = await Import.PreviewAsync(_project.Id, Sheet(new(Customers.ZhangName, "13700001111"), new("孙浩", "13700002222"), new("孙浩", "13700003333")), People.Wang);

        Assert.Equal([ImportOutcome.Created, ImportOutcome.Created, ImportOutcome.Created], report.Rows.Select(r => r.Outcome));
        Assert.EndsWith(L.T("customer.import.sameName", Customers.ZhangName, People.Li.Name), report.Rows[0].Message);
        Assert.Equal(L.T("customer.import.created", People.Wang.Name), report.Rows[1].Message);
        Assert.EndsWith(L.T("customer.import.sameName", "孙浩", People.Wang.Name), report.Rows[2].Message);
    }

    [Fact]
    public async Task AFileThatIsNoSheetOrHasNoNameColumnIsRefused()
    {
        var garbage = await Import.PreviewAsync(_project.Id, new MemoryStream("not a workbook"u8.ToArray()), People.Wang);
        var headless = await Import.PreviewAsync(_project.Id, PriceLikeSheet(), People.Wang);

        Assert.Equal(L.T("pricing.import.unreadable"), garbage.Summary);
        Assert.Equal(L.T("pricing.import.noCodeColumn", CustomerSheet.Name.Header), headless.Summary);
        Assert.Empty(headless.Rows);
    }

    [Fact]
    public async Task AnExportOfOneProjectImportsIntoAnotherAsItIs()
    {
        await Registry.RegisterAsync(Registration(_project.Id, Customers.ZhangName, Customers.ZhangPhone), People.Li);
        await Registry.RegisterAsync(new RegisterCustomer(_project.Id, Customers.ZhaoName, "+44 7700 900123", "朋友介绍", FirstContact.Call), People.Wang);
        await Registry.RegisterAsync(Registration(_project.Id, "孙浩", "13700001111"), People.Chen);
        var other = await _app.SeedAsync(ProjectBuilder.AProject().WithBuilding("9#", 2, ("01", "A")));

        var sheet = await _app.Service<CustomerExport>().ExportAsync(_project.Id, new CustomerFilter(), People.Chen);
        var report = await Import.ApplyAsync(other.Id, new MemoryStream(sheet!), People.Chen);

        Assert.True(report.Applied, report.Summary);
        await using var db = _app.Open();
        var before = await db.Customers.Where(c => c.ProjectId == _project.Id).OrderBy(c => c.Mobile).Select(c => new { c.Name, c.Mobile, c.Channel, c.FirstContact, c.OwnerId }).ToListAsync();
        var after = await db.Customers.Where(c => c.ProjectId == other.Id).OrderBy(c => c.Mobile).Select(c => new { c.Name, c.Mobile, c.Channel, c.FirstContact, c.OwnerId }).ToListAsync();
        Assert.Equal(3, after.Count);
        Assert.Equal(before, after);
    }

    private static MemoryStream PriceLikeSheet()
    {
        var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, new[] { new Dictionary<string, object?> { ["房号 Code"] = "1#-101", ["手机号 Mobile"] = "13700001111" } });
        stream.Position = 0;
        return stream;
    }

    /// <summary>Runs a competing registration once, as the import's save begins.</summary>
    private sealed class RegisterJustBeforeSave(Func<Task<RegisterResult>> register) : SaveChangesInterceptor
    {
        public bool Fired { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!Fired)
            {
                Fired = true;
                Assert.IsType<RegisterResult.Registered>(await register());
            }
            return result;
        }
    }
}
