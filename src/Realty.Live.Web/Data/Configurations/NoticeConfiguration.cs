using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Data.Configurations;

public sealed class NoticeTemplateConfiguration : IEntityTypeConfiguration<NoticeTemplate>
{
    public void Configure(EntityTypeBuilder<NoticeTemplate> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(NoticeTemplate.MaxNameLength);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(t => t.Language).HasConversion<string>().HasMaxLength(10);
        builder.Property(t => t.Subject).HasMaxLength(NoticeTemplate.MaxSubjectLength);
        builder.Property(t => t.Body).HasMaxLength(NoticeTemplate.MaxBodyLength);
        builder.Property(t => t.UpdatedBy).HasMaxLength(64);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.ProjectId, t.Name }).IsUnique();
        builder.HasOne<Project>().WithMany().HasForeignKey(t => t.ProjectId);
    }
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Key).HasMaxLength(OutboxMessage.MaxKeyLength);
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Recipient).HasMaxLength(OutboxMessage.MaxRecipientLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.MaxSubjectLength);
        builder.Property(m => m.Body).HasMaxLength(OutboxMessage.MaxBodyLength);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
        builder.Property(m => m.Version).IsConcurrencyToken();
        // The guard against sending twice: a batch, a birthday, a retry of a job all write the same key.
        builder.HasIndex(m => m.Key).IsUnique();
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => new { m.ProjectId, m.CreatedAt });
        // Customers and templates may go; what was sent to whom stays on record.
        builder.HasOne<Project>().WithMany().HasForeignKey(m => m.ProjectId);
    }
}
