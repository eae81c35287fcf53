using MiniExcelLibs;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;
using static Realty.Live.Tests.Features.CustomerRegistration.CustomerSheets;

// Not "Features.Customers": that namespace would hide the Customers test data from every other test.
namespace Realty.Live.Tests.Features.CustomerRegistration;

public sealed class CustomerExportTests : IAsyncLifetime
{
    private const string IdCard = "11010519491231002X";

    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;

    private CustomerExport Export => _app.Service<CustomerExport>();

    public async Task InitializeAsync()
    {
        _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());
        await using (var db = _app.Open())
        {
            await AddAccountsAsync(db);
        }
        var registry = _app.Service<CustomerService>();
        var zhang = Assert.IsType<RegisterResult.Registered>(await registry.RegisterAsync(Registration(_project.Id, Customers.ZhangName, Customers.ZhangPhone), People.Wang)).Customer;
        await registry.RegisterAsync(new RegisterCustomer(_project.Id, Customers.ZhaoName, Customers.ZhaoPhone, "路过", FirstContact.Call), People.Li);
        await _app.Service<LedgerService>().UpdateProfileAsync(zhang.Id, new ProfileEdit(IdCard, 3_000_000m, null, null, null), People.Wang);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnAgentExportsOnlyTheirOwnCustomersWithTheIdNumberMaskedAsTheLedgerShowsIt()
    {
        var rows = Read(await Export.ExportAsync(_project.Id, new CustomerFilter(), People.Wang));

        var row = Assert.Single(rows);
        Assert.Equal(
            (Customers.ZhangName, Customers.ZhangPhone, "户外广告", "来访 Walk-in", People.Wang.Name, WangAccount, "潜在 Potential", "110***********002X"),
            (Cell(row, CustomerSheet.Name), Cell(row, CustomerSheet.Mobile), Cell(row, CustomerSheet.Channel), Cell(row, CustomerSheet.FirstContactColumn),
                Cell(row, CustomerSheet.Agent), Cell(row, CustomerSheet.AgentAccount), Cell(row, CustomerSheet.Stage), Cell(row, CustomerSheet.IdNumberColumn)));
    }

    [Fact]
    public async Task AManagerExportsEveryCustomerWhole()
    {
        var rows = Read(await Export.ExportAsync(_project.Id, new CustomerFilter(), People.Chen));

        Assert.Equal(
            [(Customers.ZhangName, Customers.ZhangPhone, IdCard, People.Wang.Name), (Customers.ZhaoName, Customers.ZhaoPhone, "", People.Li.Name)],
            rows.Select(r => (Cell(r, CustomerSheet.Name), Cell(r, CustomerSheet.Mobile), Cell(r, CustomerSheet.IdNumberColumn), Cell(r, CustomerSheet.Agent))).OrderBy(r => r.Item1 == Customers.ZhangName ? 0 : 1));
    }

    [Fact]
    public async Task PhonesAreMaskedInTheExportExactlyAsTheListMasksThem()
    {
        foreach (var viewer in new[] { People.Wang, People.Li, People.Chen })
        {
            var listed = await _app.Service<CustomerService>().ListAsync(_project.Id, new CustomerFilter(), viewer);

            var rows = Read(await Export.ExportAsync(_project.Id, new CustomerFilter(), viewer));

            Assert.Equal(listed.Select(c => (c.Name, c.Phone)), rows.Select(r => (Cell(r, CustomerSheet.Name), Cell(r, CustomerSheet.Mobile))));
        }
    }

    [Fact]
    public async Task TheExportTakesTheListsFilterAndAnUnknownProjectHasNone()
    {
        var rows = Read(await Export.ExportAsync(_project.Id, new CustomerFilter(Channel: "路过"), People.Chen));

        Assert.Equal([Customers.ZhaoName], rows.Select(r => Cell(r, CustomerSheet.Name)));
        Assert.Null(await Export.ExportAsync(_project.Id + 100, new CustomerFilter(), People.Chen));
    }

    private static List<IDictionary<string, object?>> Read(byte[]? sheet) =>
        new MemoryStream(sheet!).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Where(r => r.Values.Any(v => v is not null)).ToList();

    private static string Cell(IDictionary<string, object?> row, Realty.Live.Web.Features.Pricing.SheetColumn column) => row[column.Header]?.ToString() ?? "";
}
