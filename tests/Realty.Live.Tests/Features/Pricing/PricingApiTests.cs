using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MiniExcelLibs;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Pricing;
using static Realty.Live.Tests.Support.RealtyAppFactory;

namespace Realty.Live.Tests.Features.Pricing;

public sealed class PricingApiTests(RealtyAppFactory app) : IClassFixture<RealtyAppFactory>
{
    private string Export => $"/api/projects/{app.ProjectId}/prices.xlsx";

    private string Import => $"/api/projects/{app.ProjectId}/prices";

    [Fact]
    public async Task AManagerDownloadsThePriceListOfEveryUnit()
    {
        using var client = await app.ClientAsync(Manager);

        var response = await client.GetAsync(Export);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PriceSheet.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Matches($"^prices-{app.ProjectId}-\\d{{8}}\\.xlsx$", response.Content.Headers.ContentDisposition?.FileName);
        var rows = new MemoryStream(await response.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var units = await client.GetFromJsonAsync<List<UnitListItem>>($"/api/projects/{app.ProjectId}/units");
        Assert.Equal(units!.Select(u => u.Code).Order(), rows.Select(r => (string)r["房号 Code"]!).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/projects/{app.ProjectId + 100}/prices.xlsx")).StatusCode);
    }

    [Fact]
    public async Task AnAgentNeitherExportsNorImports()
    {
        using var client = await app.ClientAsync(Wang);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Export)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(Import, Upload([1, 2, 3]))).StatusCode);
    }

    [Fact]
    public async Task AnUploadWithABadRowIsRefusedWithItsReportAndTheCorrectedOneIsApplied()
    {
        var unit = await app.TakeUnitAsync("available");
        using var client = await app.ClientAsync(Manager, "en");
        var rows = new MemoryStream(await client.GetByteArrayAsync(Export)).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var row = rows.Single(r => (string)r["房号 Code"]! == unit.Code);
        row["单价 Unit price"] = (double)(unit.UnitPrice + 100);
        row["总价 List price"] = null;
        var bad = new Dictionary<string, object?>(rows[0]) { ["房号 Code"] = "9#-9999" };

        var refused = await client.PostAsync(Import, Upload(Sheet([.. rows, bad])));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var report = (await refused.Content.ReadFromJsonAsync<ImportReport>())!;
        Assert.False(report.Accepted);
        var error = Assert.Single(report.Rows, r => !r.Ok);
        Assert.Equal((rows.Count + 2, "9#-9999", "There is no unit 9#-9999 in this project."), (error.Row, error.Code, error.Message));
        Assert.Equal(unit.ListPrice, (await client.UnitAsync(unit.Id)).ListPrice);

        var applied = await client.PostAsync(Import, Upload(Sheet(rows)));

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal((true, 1), await applied.Content.ReadFromJsonAsync<ImportReport>() is { } done ? (done.Accepted, done.Changed) : default);
        Assert.Equal(unit.UnitPrice + 100, (await client.UnitAsync(unit.Id)).UnitPrice);
    }

    [Fact]
    public async Task AnUploadWithoutAFileIsABadRequest()
    {
        using var client = await app.ClientAsync(Manager, "en");

        var response = await client.PostAsync(Import, new MultipartFormDataContent { { new StringContent("价目表"), "note" } });

        Assert.Equal("Send the sheet as the form field \"file\".", await response.DetailAsync(HttpStatusCode.BadRequest));
    }

    private static byte[] Sheet(IEnumerable<IDictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.ToList());
        return stream.ToArray();
    }

    private static MultipartFormDataContent Upload(byte[] sheet)
    {
        var file = new ByteArrayContent(sheet);
        file.Headers.ContentType = new MediaTypeHeaderValue(PriceSheet.ContentType);
        return new MultipartFormDataContent { { file, "file", "prices.xlsx" } };
    }
}
