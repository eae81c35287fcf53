using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Realty.Live.Web.Data;

namespace Realty.Live.Tests.Data;

/// <summary>
/// Every provider's migrations describe the current model. SQL Server cannot run on the machines
/// this is built on, so for it the model and the generated script are what can be checked.
/// </summary>
public sealed class MigrationsTests
{
    public static TheoryData<string> Providers => ["Sqlite", "PostgreSql", "SqlServer"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void NoProviderHasModelChangesWithoutAMigration(string provider)
    {
        using var db = Create(provider);

        Assert.False(db.Database.HasPendingModelChanges(), $"The model changed since the last {provider} migration: add one with dotnet ef.");
    }

    [Fact]
    public void TheSqlServerMigrationsScriptCreatesEveryTableWithTheLiveDealGuard()
    {
        using var db = Create("SqlServer");

        var script = db.GetService<IMigrator>().GenerateScript();

        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).Distinct())
        {
            Assert.Contains($"CREATE TABLE [{table}]", script);
        }
        // ANSI quotes: SQL Server requires QUOTED_IDENTIFIER ON for filtered indexes anyway.
        Assert.Contains("CREATE UNIQUE INDEX [IX_Deals_UnitId_Live] ON [Deals] ([UnitId]) WHERE \"ClosedAt\" IS NULL", script);
    }

    private static RealtyDbContext Create(string provider) => provider switch
    {
        "Sqlite" => new SqliteDesignTimeFactory().CreateDbContext([]),
        "PostgreSql" => new PostgreSqlDesignTimeFactory().CreateDbContext([]),
        _ => new SqlServerDesignTimeFactory().CreateDbContext([]),
    };
}
