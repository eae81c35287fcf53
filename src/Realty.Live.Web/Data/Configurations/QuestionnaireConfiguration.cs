using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Data.Configurations;

public sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.Property(q => q.Text).HasMaxLength(Question.MaxTextLength);
        builder.Property(q => q.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(q => new { q.ProjectId, q.Order });
        builder.HasOne<Project>().WithMany().HasForeignKey(q => q.ProjectId);
        builder.HasMany(q => q.Options).WithOne().HasForeignKey(o => o.QuestionId);
        builder.Navigation(q => q.Options).HasField("_options").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class QuestionOptionConfiguration : IEntityTypeConfiguration<QuestionOption>
{
    public void Configure(EntityTypeBuilder<QuestionOption> builder)
    {
        builder.ToTable("QuestionOptions");
        builder.Property(o => o.Text).HasMaxLength(QuestionOption.MaxTextLength);
    }
}

public sealed class QuestionAnswerConfiguration : IEntityTypeConfiguration<QuestionAnswer>
{
    public void Configure(EntityTypeBuilder<QuestionAnswer> builder)
    {
        builder.Property(a => a.Text).HasMaxLength(QuestionAnswer.MaxTextLength);
        builder.Property(a => a.ById).HasMaxLength(64);
        builder.Property(a => a.ByName).HasMaxLength(64);
        builder.HasIndex(a => new { a.CustomerId, a.QuestionId }).IsUnique();
        builder.HasIndex(a => a.QuestionId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId);
        // A question with answers is retired, never deleted: the database refuses to lose them.
        builder.HasOne<Question>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.NoAction);
        builder.OwnsMany(a => a.Choices, choice =>
        {
            choice.ToTable("AnswerChoices");
            choice.WithOwner().HasForeignKey("AnswerId");
            choice.Property<int>("Id");
            choice.HasKey("Id");
            choice.Property(c => c.Text).HasMaxLength(QuestionOption.MaxTextLength);
            choice.HasIndex(c => c.OptionId);
        });
        builder.Navigation(a => a.Choices).HasField("_choices").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
