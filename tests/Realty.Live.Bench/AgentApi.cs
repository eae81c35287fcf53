using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Realty.Live.Bench;

/// <summary>The part of GET /api/units/{id} an agent decides on.</summary>
public sealed record UnitView(int Id, string Code, string Status, int Version, DateTime StatusChangedAt, DealView? Deal);

public sealed record DealView(bool CanAct);

public sealed record UnitCommand(int ExpectedVersion, string? CustomerName = null, string? CustomerPhone = null, int? PlanId = null);

/// <summary>One write: what came back, how long it took, and the unit as the server then saw it.</summary>
public sealed record ActionOutcome(HttpStatusCode Status, long StartTicks, long EndTicks, UnitView? Unit)
{
    public double Milliseconds => TimeSpan.FromTicks(EndTicks - StartTicks).TotalMilliseconds;
}

/// <summary>The HTTP API as a tablet app uses it: bearer token from /api/auth/login, then units.</summary>
public sealed class AgentApi(HttpClient http, Uri baseAddress)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<string> LoginAsync(string email, string password, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri(baseAddress, "api/auth/login"), new { email, password }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return body.GetProperty("accessToken").GetString() ?? throw new InvalidOperationException("No access token.");
    }

    public async Task<UnitView?> GetUnitAsync(string token, int unitId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, $"api/units/{unitId}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<UnitView>(Json, cancellationToken) : null;
    }

    /// <summary>Posts an action; a 200 carries the unit as written, a 409 the unit as somebody else left it.</summary>
    public async Task<ActionOutcome> ActAsync(string token, int unitId, string action, UnitCommand command, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, $"api/units/{unitId}/{action}"))
        {
            Content = JsonContent.Create(command, options: Json),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var start = DateTime.UtcNow.Ticks;
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var end = DateTime.UtcNow.Ticks;
        var unit = response.StatusCode == HttpStatusCode.OK ? JsonSerializer.Deserialize<UnitView>(body, Json) : null;
        return new ActionOutcome(response.StatusCode, start, end, unit);
    }
}
