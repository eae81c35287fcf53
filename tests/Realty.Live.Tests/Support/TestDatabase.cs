using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Realty.Live.Web.Data;

namespace Realty.Live.Tests.Support;

/// <summary>
/// A real SQLite file of its own in a temp folder, with the app's migrations applied; deleted on dispose.
/// Migrating once and copying the file keeps a fresh database per test cheap.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private static readonly string Root = CreateRoot();
    private static readonly Lazy<string> MigratedTemplate = new(CreateTemplate);

    private TestDatabase(string folder)
    {
        Folder = folder;
        FilePath = Path.Combine(folder, "realty.db");
        // No pooling: nothing keeps the file open once a test is done with it.
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false, DefaultTimeout = 30 }.ToString();
    }

    public string ConnectionString { get; }

    private string Folder { get; }

    private string FilePath { get; }

    /// <summary>A migrated, empty database in WAL mode, as the app prepares its own.</summary>
    public static TestDatabase Create()
    {
        var database = new TestDatabase(NewFolder());
        File.Copy(MigratedTemplate.Value, database.FilePath);
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL;";
        pragma.ExecuteNonQuery();
        return database;
    }

    /// <summary>A file with no tables yet: every query fails until <see cref="MigrateAsync"/> runs.</summary>
    public static TestDatabase CreateUnmigrated() => new(NewFolder());

    public async Task MigrateAsync()
    {
        await using var db = Open();
        await db.Database.MigrateAsync();
    }

    public RealtyDbContext Open() => new SqliteRealtyDbContext(Options([]));

    /// <summary>The factory the app's services take; interceptors let a test step into the save.</summary>
    public IDbContextFactory<RealtyDbContext> Factory(params IInterceptor[] interceptors) => new ContextFactory(Options(interceptors));

    /// <summary>
    /// Some services finish a load in the background after a test has its answer (e.g. the opening
    /// watch refreshing its shared copy), and SQLite may recreate the WAL files meanwhile: the delete
    /// is tried a few times, and a folder still busy is left to the clean-up at process exit.
    /// </summary>
    public void Dispose()
    {
        for (var attempt = 1; Directory.Exists(Folder); attempt++)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException) when (attempt < 20)
            {
                Thread.Sleep(50);
            }
            catch (IOException)
            {
                return;
            }
        }
    }

    private DbContextOptions<SqliteRealtyDbContext> Options(IInterceptor[] interceptors) =>
        new DbContextOptionsBuilder<SqliteRealtyDbContext>().UseSqlite(ConnectionString).AddInterceptors(interceptors).Options;

    private static string NewFolder() => Directory.CreateDirectory(Path.Combine(Root, Guid.NewGuid().ToString("N"))).FullName;

    private static string CreateRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), $"realty-tests-{Environment.ProcessId}");
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is not worth failing a finished run for.
            }
        };
        return root;
    }

    private static string CreateTemplate()
    {
        var template = new TestDatabase(NewFolder());
        using (var db = template.Open())
        {
            db.Database.Migrate();
        }
        return template.FilePath;
    }

    private sealed class ContextFactory(DbContextOptions<SqliteRealtyDbContext> options) : IDbContextFactory<RealtyDbContext>
    {
        public RealtyDbContext CreateDbContext() => new SqliteRealtyDbContext(options);
    }
}
