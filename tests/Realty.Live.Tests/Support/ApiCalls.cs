using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Realty.Live.Web.Features.Board;

namespace Realty.Live.Tests.Support;

/// <summary>The API calls the tests make, named as the README lists them.</summary>
public static class ApiCalls
{
    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, int unitId, string action, object? body) =>
        client.PostAsJsonAsync($"/api/units/{unitId}/{action}", body);

    public static async Task<UnitDetails> UnitAsync(this HttpClient client, int unitId) =>
        (await client.GetFromJsonAsync<UnitDetails>($"/api/units/{unitId}"))!;

    /// <summary>Reads an RFC 7807 body, checking that it is one.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static async Task<string> DetailAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var detail = (await response.ProblemAsync(status)).GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        return detail!;
    }
}
