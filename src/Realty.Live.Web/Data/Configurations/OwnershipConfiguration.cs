using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Data.Configurations;

public sealed class CustomerTransferConfiguration : IEntityTypeConfiguration<CustomerTransfer>
{
    public void Configure(EntityTypeBuilder<CustomerTransfer> builder)
    {
        builder.Property(t => t.CustomerName).HasMaxLength(CustomerContact.MaxNameLength);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(12);
        builder.Property(t => t.FromOwnerId).HasMaxLength(64);
        builder.Property(t => t.FromOwnerName).HasMaxLength(64);
        builder.Property(t => t.ToOwnerId).HasMaxLength(64);
        builder.Property(t => t.ToOwnerName).HasMaxLength(64);
        builder.Property(t => t.ById).HasMaxLength(64);
        builder.Property(t => t.ByName).HasMaxLength(64);
        builder.Property(t => t.Reason).HasMaxLength(OwnershipText.MaxLength);
        builder.HasIndex(t => new { t.FromProjectId, t.At });
        builder.HasIndex(t => new { t.ToProjectId, t.At });
        // Counting an agent's claims of the day against the project's limit.
        builder.HasIndex(t => new { t.ToOwnerId, t.Kind, t.At });
        builder.HasIndex(t => t.CustomerId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.NoAction);
    }
}

public sealed class CustomerAliasConfiguration : IEntityTypeConfiguration<CustomerAlias>
{
    public void Configure(EntityTypeBuilder<CustomerAlias> builder)
    {
        builder.Property(a => a.Mobile).HasMaxLength(16);
        builder.Property(a => a.MergedName).HasMaxLength(CustomerContact.MaxNameLength);
        builder.Property(a => a.MergedOwnerName).HasMaxLength(64);
        builder.Property(a => a.MergedById).HasMaxLength(64);
        builder.Property(a => a.MergedByName).HasMaxLength(64);
        builder.Property(a => a.Note).HasMaxLength(OwnershipText.MaxLength);
        // One number is one person per project, whether it is a customer's own or a merged one.
        builder.HasIndex(a => new { a.ProjectId, a.Mobile }).IsUnique();
        builder.HasIndex(a => a.CustomerId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId);
    }
}

public sealed class PoolRuleConfiguration : IEntityTypeConfiguration<PoolRule>
{
    public void Configure(EntityTypeBuilder<PoolRule> builder)
    {
        builder.HasKey(r => r.ProjectId);
        builder.Property(r => r.ProjectId).ValueGeneratedNever();
        builder.HasOne<Project>().WithOne().HasForeignKey<PoolRule>(r => r.ProjectId);
    }
}
