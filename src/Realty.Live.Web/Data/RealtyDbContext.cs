using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Data;

/// <summary>
/// The one model. Each provider derives its own context (below) only so that its migrations
/// live apart; the model itself is identical.
/// </summary>
public class RealtyDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<Building> Buildings => Set<Building>();

    public DbSet<Layout> Layouts => Set<Layout>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Deal> Deals => Set<Deal>();

    public DbSet<UnitEvent> UnitEvents => Set<UnitEvent>();

    public DbSet<DisplayLink> DisplayLinks => Set<DisplayLink>();

    public DbSet<PriceRecord> PriceRecords => Set<PriceRecord>();

    public DbSet<DiscountScheme> DiscountSchemes => Set<DiscountScheme>();

    public DbSet<PaymentPlan> PaymentPlans => Set<PaymentPlan>();

    public DbSet<Receivable> Receivables => Set<Receivable>();

    public DbSet<Receipt> Receipts => Set<Receipt>();

    public DbSet<QueueTicket> QueueTickets => Set<QueueTicket>();

    public DbSet<OpeningCall> OpeningCalls => Set<OpeningCall>();

    public DbSet<ChangeRequest> ChangeRequests => Set<ChangeRequest>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<ProjectChannel> ProjectChannels => Set<ProjectChannel>();

    public DbSet<DuplicateAttempt> DuplicateAttempts => Set<DuplicateAttempt>();

    public DbSet<CustomerInteraction> CustomerInteractions => Set<CustomerInteraction>();

    public DbSet<CustomerTransfer> CustomerTransfers => Set<CustomerTransfer>();

    public DbSet<CustomerAlias> CustomerAliases => Set<CustomerAlias>();

    public DbSet<PoolRule> PoolRules => Set<PoolRule>();

    public DbSet<Question> Questions => Set<Question>();

    public DbSet<QuestionAnswer> QuestionAnswers => Set<QuestionAnswer>();

    public DbSet<NoticeTemplate> NoticeTemplates => Set<NoticeTemplate>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RealtyDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<decimal>().HavePrecision(18, 2);
        // Timestamps are UTC everywhere; providers that drop the kind get it back on read.
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class SqliteRealtyDbContext(DbContextOptions<SqliteRealtyDbContext> options) : RealtyDbContext(options);

public sealed class PostgreSqlRealtyDbContext(DbContextOptions<PostgreSqlRealtyDbContext> options) : RealtyDbContext(options);

public sealed class SqlServerRealtyDbContext(DbContextOptions<SqlServerRealtyDbContext> options) : RealtyDbContext(options);
