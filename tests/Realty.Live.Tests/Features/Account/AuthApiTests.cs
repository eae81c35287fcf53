using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Data;
using static Realty.Live.Tests.Support.RealtyAppFactory;

namespace Realty.Live.Tests.Features.Account;

public sealed class AuthApiTests(RealtyAppFactory app) : IClassFixture<RealtyAppFactory>
{
    [Fact]
    public async Task ADemoPersonSignsInAndGetsABearerToken()
    {
        using var client = await app.ClientAsync(email: null);

        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = Li, password = DemoSeed.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refreshToken").GetString()));
        Assert.True(body.GetProperty("expiresIn").GetInt64() > 0);
    }

    [Fact]
    public async Task AWrongPasswordIsUnauthorized()
    {
        using var client = await app.ClientAsync(email: null, "en");

        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = Li, password = "Wrong@2026" });

        Assert.Equal("Wrong email or password.", await response.DetailAsync(HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task AMissingEmailIsABadRequest()
    {
        using var client = await app.ClientAsync(email: null, "zh-CN");

        var response = await client.PostAsJsonAsync("/api/auth/login", new { password = DemoSeed.Password });

        Assert.Equal("邮箱或密码错误。", await response.DetailAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task TheTokenOpensTheApi()
    {
        using var client = await app.ClientAsync(Finance);

        var response = await client.GetAsync("/api/projects");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AForgedTokenIsUnauthorized()
    {
        using var client = await app.ClientAsync(email: null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", "forged");

        await (await client.GetAsync("/api/projects")).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
