using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Realty.Live.Web.Data;

namespace Realty.Live.Bench;

/// <summary>
/// The run's own database, made for it and removed after it: a SQLite file in the run's temporary
/// folder, or a fresh database on the PostgreSQL server given (dropped at the end).
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private BenchDatabase(string provider, string connectionString, string? postgresAdmin = null, string? postgresName = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    /// <summary>The app's <c>Database:Provider</c>.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string provider, string? connection, string tempFolder)
    {
        if (provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return new BenchDatabase("Sqlite", $"Data Source={Path.Combine(tempFolder, "bench.db")}");
        }
        if (!provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Unknown provider '{provider}': use sqlite or postgresql.");
        }
        var admin = new NpgsqlConnectionStringBuilder(connection ?? "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres") { Database = "postgres" };
        var name = $"realty_bench_{Environment.ProcessId}_{DateTime.UtcNow:HHmmss}";
        await using (var db = new NpgsqlConnection(admin.ConnectionString))
        {
            await db.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", db);
            await create.ExecuteNonQueryAsync();
        }
        // PostgreSQL allows 100 connections by default, and other programs on the server may need some.
        var app = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name, MaxPoolSize = 50 };
        return new BenchDatabase("PostgreSql", app.ConnectionString, admin.ConnectionString, name);
    }

    public RealtyDbContext CreateContext() => Provider == "Sqlite"
        ? new SqliteRealtyDbContext(new DbContextOptionsBuilder<SqliteRealtyDbContext>().UseSqlite(ConnectionString).Options)
        : new PostgreSqlRealtyDbContext(new DbContextOptionsBuilder<PostgreSqlRealtyDbContext>().UseNpgsql(ConnectionString).Options);

    public async ValueTask DisposeAsync()
    {
        // Pooled connections keep the SQLite file open, and a PostgreSQL database cannot be dropped while in use.
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_postgresAdmin is null)
        {
            return;
        }
        await using var db = new NpgsqlConnection(_postgresAdmin);
        await db.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", db);
        await drop.ExecuteNonQueryAsync();
    }
}
