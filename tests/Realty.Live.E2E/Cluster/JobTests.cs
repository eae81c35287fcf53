using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Realty.Live.Web.Domain;

namespace Realty.Live.E2E.Cluster;

/// <summary>Background jobs on a cluster: both nodes run a Hangfire server on the shared database.</summary>
[Collection(ClusterCollection.Name)]
public sealed class JobTests(ClusterFixture cluster)
{
    [Fact]
    public async Task TheDeadlinesJobRunsOnceAMinuteAcrossBothNodesAndExpiresAHoldOnce()
    {
        using var agent = await cluster.ApiAsync(cluster.Node(1), CrossNodeTests.Li);
        var units = await agent.GetFromJsonAsync<List<JsonElement>>("/api/projects/1/units");
        var unit = units!.First(u => u.GetProperty("status").GetString() == UnitStatus.Available.ToWire());
        var unitId = unit.GetProperty("id").GetInt32();
        var hold = await agent.PostAsJsonAsync($"/api/units/{unitId}/hold", new { expectedVersion = unit.GetProperty("version").GetInt32(), customerName = "李强的客户", customerPhone = "13700137000" });
        Assert.Equal(HttpStatusCode.OK, hold.StatusCode);
        var started = DateTime.UtcNow;
        await using (var db = cluster.OpenDatabase())
        {
            // Half an hour passes in a second: the hold is due now, and the next run of the job expires it.
            await db.Units.Where(u => u.Id == unitId).ExecuteUpdateAsync(u => u.SetProperty(x => x.HoldExpiresAt, started.AddMinutes(-1)));
        }

        var deadline = started.AddSeconds(80);
        while (await StatusAsync(agent, unitId) != UnitStatus.Available.ToWire())
        {
            Assert.True(DateTime.UtcNow < deadline, "The hold was not expired within 80 s.");
            await Task.Delay(1_000);
        }

        await using var check = cluster.OpenDatabase();
        Assert.Equal(1, await check.UnitEvents.CountAsync(e => e.UnitId == unitId && e.Action == UnitAction.Expire));
        var runsPerMinute = await DeadlineRunsPerMinuteAsync();
        Assert.NotEmpty(runsPerMinute);
        Assert.All(runsPerMinute, runs => Assert.Equal(1, runs));
    }

    private static async Task<string?> StatusAsync(HttpClient api, int unitId) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/units/{unitId}")).GetProperty("status").GetString();

    /// <summary>How many times the deadlines job was started in each minute, from Hangfire's own tables.</summary>
    private async Task<List<long>> DeadlineRunsPerMinuteAsync()
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            """
            SELECT count(*) FROM hangfire.job
            WHERE invocationdata::text LIKE '%DeadlinesJob%'
            GROUP BY date_trunc('minute', createdat)
            """,
            connection);
        var runs = new List<long>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            runs.Add(reader.GetInt64(0));
        }
        return runs;
    }
}
