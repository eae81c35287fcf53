using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Realty.Live.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}

/// <summary>Chooses the database from configuration: <c>Database:Provider</c> and <c>ConnectionStrings:Realty</c>.</summary>
public static class DatabaseSetup
{
    public static DatabaseProvider AddRealtyDatabase(this IHostApplicationBuilder builder)
    {
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connection = ConnectionString(builder.Configuration, builder.Environment.ContentRootPath);
        var services = builder.Services;
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddSingleton<SqliteWriteGate>();
                services.AddDbContextFactory<SqliteRealtyDbContext>((sp, o) => o.UseSqlite(PrepareSqlite(connection)).AddInterceptors(sp.GetRequiredService<SqliteWriteGate>()));
                services.AddSingleton<IDbContextFactory<RealtyDbContext>, ProviderContextFactory<SqliteRealtyDbContext>>();
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContextFactory<PostgreSqlRealtyDbContext>(o => o.UseNpgsql(connection));
                services.AddSingleton<IDbContextFactory<RealtyDbContext>, ProviderContextFactory<PostgreSqlRealtyDbContext>>();
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextFactory<SqlServerRealtyDbContext>(o => o.UseSqlServer(connection));
                services.AddSingleton<IDbContextFactory<RealtyDbContext>, ProviderContextFactory<SqlServerRealtyDbContext>>();
                break;
        }
        // Identity's stores want a scoped context; give them one from the same factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<RealtyDbContext>>().CreateDbContext());
        return provider;
    }

    public static string ConnectionString(IConfiguration configuration, string contentRoot) =>
        configuration.GetConnectionString("Realty") is { Length: > 0 } cs ? cs : DefaultSqlite(contentRoot);

    private static string DefaultSqlite(string contentRoot) =>
        $"Data Source={Path.Combine(contentRoot, "App_Data", "realty.db")}";

    /// <summary>Creates the data folder and switches the file to WAL so boards can read while agents write.</summary>
    private static string PrepareSqlite(string connection)
    {
        var csb = new SqliteConnectionStringBuilder(connection) { DefaultTimeout = 30 };
        if (Path.GetDirectoryName(Path.GetFullPath(csb.DataSource)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        using var db = new SqliteConnection(csb.ConnectionString);
        db.Open();
        using var pragma = db.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL;";
        pragma.ExecuteNonQuery();
        return csb.ConnectionString;
    }

    /// <summary>Applies the provider's migrations at start-up unless <c>Database:Migrate</c> is false.</summary>
    public static async Task MigrateRealtyDatabaseAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Database:Migrate", true))
        {
            return;
        }
        var factory = app.Services.GetRequiredService<IDbContextFactory<RealtyDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }
}

/// <summary>Hands out the provider's derived context as the common <see cref="RealtyDbContext"/>.</summary>
public sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<RealtyDbContext>
    where TContext : RealtyDbContext
{
    public RealtyDbContext CreateDbContext() => inner.CreateDbContext();
}

/// <summary>Used by <c>dotnet ef</c> to build each provider's migrations without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRealtyDbContext>
{
    public SqliteRealtyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRealtyDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlRealtyDbContext>
{
    public PostgreSqlRealtyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlRealtyDbContext>().UseNpgsql("Host=localhost").Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerRealtyDbContext>
{
    public SqlServerRealtyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerRealtyDbContext>().UseSqlServer("Server=localhost").Options);
}
