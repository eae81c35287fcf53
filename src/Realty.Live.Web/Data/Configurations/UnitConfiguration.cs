using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Data.Configurations;

public sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.HasIndex(u => new { u.ProjectId, u.Code }).IsUnique();
        builder.Property(u => u.Code).HasMaxLength(30);
        builder.Property(u => u.Stack).HasMaxLength(10);
        builder.Property(u => u.Orientation).HasMaxLength(10);
        builder.Property(u => u.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(u => u.StatusChangedBy).HasMaxLength(64);
        builder.Property(u => u.WithheldReason).HasMaxLength(Unit.MaxReasonLength);
        builder.Property(u => u.PriceBasis).HasConversion<string>().HasMaxLength(12);
        builder.Property(u => u.PendingChange).HasConversion<string>().HasMaxLength(12);
        builder.Property(u => u.GrossArea).HasPrecision(10, 2);
        builder.Property(u => u.NetArea).HasPrecision(10, 2);

        // A plain integer bumped by the domain on every transition: unlike rowversion it works the
        // same on SQLite, PostgreSQL and SQL Server, and it is the number clients send back.
        builder.Property(u => u.Version).IsConcurrencyToken();

        builder.HasOne<Project>().WithMany().HasForeignKey(u => u.ProjectId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne(u => u.Layout).WithMany().HasForeignKey(u => u.LayoutId).OnDelete(DeleteBehavior.NoAction);
        builder.HasMany(u => u.Deals).WithOne().HasForeignKey(d => d.UnitId);
        builder.Navigation(u => u.Deals).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(u => u.LiveDeal);
    }
}

public sealed class DealConfiguration : IEntityTypeConfiguration<Deal>
{
    public void Configure(EntityTypeBuilder<Deal> builder)
    {
        builder.Property(d => d.CustomerName).HasMaxLength(CustomerContact.MaxNameLength);
        builder.Property(d => d.CustomerPhone).HasMaxLength(20);
        builder.Property(d => d.AgentId).HasMaxLength(64);
        builder.Property(d => d.AgentName).HasMaxLength(64);
        builder.Property(d => d.Stage).HasConversion<string>().HasMaxLength(12);
        builder.Property(d => d.CloseReason).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.CoBuyers).HasMaxLength(Deal.MaxCoBuyersLength);
        builder.Property(d => d.SubscriptionNo).HasMaxLength(Deal.MaxNumberLength);
        builder.Property(d => d.ContractNo).HasMaxLength(Deal.MaxNumberLength);
        builder.Property(d => d.PriceLines).AsJson();
        builder.Ignore(d => d.IsLive);
        builder.Ignore(d => d.SubscriptionNumber);
        builder.HasIndex(d => new { d.ProjectId, d.SubscriptionNo }).IsUnique().HasFilter("\"SubscriptionNo\" IS NOT NULL");
        builder.HasIndex(d => new { d.ProjectId, d.ContractNo }).IsUnique().HasFilter("\"ContractNo\" IS NOT NULL");
        builder.HasIndex(d => new { d.ProjectId, d.Stage, d.SignBy });
        builder.HasOne<QueueTicket>().WithMany().HasForeignKey(d => d.QueueTicketId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<PaymentPlan>().WithMany().HasForeignKey(d => d.PaymentPlanId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Customer>().WithMany().HasForeignKey(d => d.CustomerId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(d => new { d.CustomerId, d.ClosedAt });

        // The database itself refuses a second live deal on a unit: the last line against a double sale.
        builder.HasIndex(d => d.UnitId).IsUnique().HasFilter("\"ClosedAt\" IS NULL").HasDatabaseName("IX_Deals_UnitId_Live");
    }
}

public sealed class UnitEventConfiguration : IEntityTypeConfiguration<UnitEvent>
{
    public void Configure(EntityTypeBuilder<UnitEvent> builder)
    {
        builder.Property(e => e.UnitCode).HasMaxLength(30);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.From).HasConversion<string>().HasMaxLength(12);
        builder.Property(e => e.To).HasConversion<string>().HasMaxLength(12);
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.ActorName).HasMaxLength(64);
        builder.Property(e => e.Reason).HasMaxLength(Unit.MaxReasonLength);
        builder.HasIndex(e => new { e.UnitId, e.Id });
        builder.HasIndex(e => new { e.ProjectId, e.At });
        builder.HasOne<Unit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne(e => e.Deal).WithMany().HasForeignKey(e => e.DealId).OnDelete(DeleteBehavior.NoAction);
    }
}

public sealed class DisplayLinkConfiguration : IEntityTypeConfiguration<DisplayLink>
{
    public void Configure(EntityTypeBuilder<DisplayLink> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(DisplayLink.MaxNameLength);
        builder.Property(d => d.Token).HasMaxLength(64);
        builder.Property(d => d.CreatedBy).HasMaxLength(64);
        builder.HasIndex(d => d.Token).IsUnique();
        builder.Ignore(d => d.IsActive);
        builder.HasOne<Project>().WithMany().HasForeignKey(d => d.ProjectId);
    }
}
