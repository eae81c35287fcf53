using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Questionnaires;

/// <summary>
/// A project's visit questionnaire: managers design it, the customer's agent fills it in at a visit, and
/// managers read the answers as a table, one column per question.
/// </summary>
public sealed partial class QuestionnaireService(IDbContextFactory<RealtyDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Every question of the project, retired ones last, each with whether anybody answered it.</summary>
    public async Task<IReadOnlyList<QuestionView>> DesignAsync(int projectId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await ViewsAsync(db, projectId);
    }

    /// <summary>Adds a question (no id) at the end, or edits one.</summary>
    public async Task<DesignResult> SaveQuestionAsync(int projectId, int? questionId, QuestionDraft draft, Actor manager)
    {
        if (!manager.IsManager)
        {
            return new DesignResult.Rejected(L.T("questionnaire.managerOnly"));
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Projects.AnyAsync(p => p.Id == projectId))
        {
            return new DesignResult.Rejected(L.T("project.notFound"));
        }
        var questions = await db.Questions.Include(q => q.Options).Where(q => q.ProjectId == projectId).ToListAsync();
        try
        {
            if (questionId is null)
            {
                var order = questions.Where(q => !q.Retired).Select(q => q.Order).DefaultIfEmpty(0).Max() + 1;
                db.Questions.Add(Question.Create(projectId, draft, order, questions.Select(q => q.Text)));
            }
            else
            {
                var question = questions.SingleOrDefault(q => q.Id == questionId);
                if (question is null)
                {
                    return new DesignResult.Rejected(L.T("questionnaire.question.notFound"));
                }
                var answers = await db.QuestionAnswers.AsNoTracking().Where(a => a.QuestionId == question.Id).ToListAsync();
                question.Edit(draft, questions.Where(q => q != question).Select(q => q.Text),
                    answers.SelectMany(a => a.Choices).Select(c => c.OptionId).ToHashSet(), answers.Count > 0);
            }
        }
        catch (DomainException e)
        {
            return new DesignResult.Rejected(L.Message(e));
        }
        await db.SaveChangesAsync();
        return new DesignResult.Done(await ViewsAsync(db, projectId), L.T("questionnaire.saved"));
    }

    /// <summary>Takes a question out of the questionnaire; its answers stay, readable and counted.</summary>
    public Task<DesignResult> RetireAsync(int questionId, Actor manager) => ChangeAsync(questionId, manager, (question, questions) =>
    {
        question.Retire();
        Renumber(questions);
        return L.T("questionnaire.retired", question.Text);
    });

    public Task<DesignResult> RestoreAsync(int questionId, Actor manager) => ChangeAsync(questionId, manager, (question, questions) =>
    {
        question.Restore(questions.Where(q => q != question && !q.Retired).Select(q => q.Text), questions.Where(q => !q.Retired).Select(q => q.Order).DefaultIfEmpty(0).Max() + 1);
        Renumber(questions);
        return L.T("questionnaire.restored", question.Text);
    });

    /// <summary>Moves a question one place up (−1) or down (+1) among the questions still asked.</summary>
    public Task<DesignResult> MoveAsync(int questionId, int by, Actor manager) => ChangeAsync(questionId, manager, (question, questions) =>
    {
        var active = questions.Where(q => !q.Retired).OrderBy(q => q.Order).ThenBy(q => q.Id).ToList();
        var from = active.IndexOf(question);
        var to = Math.Clamp(from + Math.Sign(by), 0, active.Count - 1);
        if (from >= 0)
        {
            active.RemoveAt(from);
            active.Insert(to, question);
        }
        for (var i = 0; i < active.Count; i++)
        {
            active[i].MoveTo(i + 1);
        }
        return L.T("questionnaire.moved");
    });

    /// <summary>The questionnaire for one customer, as the viewer may fill it in.</summary>
    public async Task<SheetAnswer> SheetAsync(int customerId, int projectId, Actor viewer)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId && c.ProjectId == projectId);
        if (customer is null)
        {
            return new SheetAnswer.Refused(L.T("ledger.notFound"));
        }
        if (!customer.IsEditableBy(viewer))
        {
            return new SheetAnswer.Refused(L.T("ledger.notYours", customer.OwnerName));
        }
        return new SheetAnswer.Found(await SheetAsync(db, customer, viewer));
    }

    /// <summary>
    /// Saves the whole questionnaire for a customer at once: every question still asked is answered as sent,
    /// blank clears a question that is not required. One bad answer and nothing is saved.
    /// </summary>
    public async Task<SheetAnswer> AnswerAsync(int customerId, int projectId, IReadOnlyList<AnswerDraft> drafts, Actor by)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId && c.ProjectId == projectId);
        if (customer is null)
        {
            return new SheetAnswer.Refused(L.T("ledger.notFound"));
        }
        if (!customer.IsEditableBy(by))
        {
            return new SheetAnswer.Refused(L.T("ledger.notYours", customer.OwnerName));
        }
        var questions = await db.Questions.Include(q => q.Options).Where(q => q.ProjectId == projectId).ToDictionaryAsync(q => q.Id);
        var stored = await db.QuestionAnswers.Where(a => a.CustomerId == customerId).ToDictionaryAsync(a => a.QuestionId);
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            if (drafts.GroupBy(d => d.QuestionId).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw new DomainException("questionnaire.answer.twice", questions.GetValueOrDefault(twice.Key)?.Text ?? twice.Key.ToString());
            }
            var sent = drafts.ToDictionary(d => d.QuestionId);
            if (sent.Keys.Where(id => !questions.ContainsKey(id)).Select(id => (int?)id).FirstOrDefault() is { } unknown)
            {
                throw new DomainException("questionnaire.answer.unknownQuestion", unknown);
            }
            foreach (var question in questions.Values.Where(q => !q.Retired || sent.ContainsKey(q.Id)).OrderBy(q => q.Order))
            {
                var current = stored.GetValueOrDefault(question.Id);
                var (choices, text) = question.Check(sent.GetValueOrDefault(question.Id) ?? new AnswerDraft(question.Id),
                    current?.Choices.Select(c => c.OptionId).ToHashSet() ?? new HashSet<int>());
                if (choices.Count == 0 && text is null)
                {
                    if (current is not null)
                    {
                        db.QuestionAnswers.Remove(current);
                    }
                    continue;
                }
                if (current is null)
                {
                    current = QuestionAnswer.New(customerId, question.Id);
                    db.QuestionAnswers.Add(current);
                }
                current.Set(choices, text, by, now);
            }
        }
        catch (DomainException e)
        {
            return new SheetAnswer.Refused(L.Message(e));
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The unique (customer, question) index: the same questionnaire was saved from another tablet meanwhile.
            return new SheetAnswer.Refused(L.T("questionnaire.answer.raced"));
        }
        return new SheetAnswer.Found(await SheetAsync(db, customer, by), L.T("questionnaire.answer.saved"));
    }

    /// <summary>
    /// The analysis table: every customer of the project who answered, every question with answers or still
    /// asked. Null for an agent, or for no such project.
    /// </summary>
    public async Task<Analysis?> AnalysisAsync(int projectId, Actor manager)
    {
        if (!manager.IsManager)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Projects.AnyAsync(p => p.Id == projectId))
        {
            return null;
        }
        var questions = await db.Questions.AsNoTracking().Include(q => q.Options).Where(q => q.ProjectId == projectId).ToListAsync();
        var questionIds = questions.Select(q => q.Id).ToList();
        var answers = await db.QuestionAnswers.AsNoTracking().Where(a => questionIds.Contains(a.QuestionId)).ToListAsync();
        var answered = answers.Select(a => a.QuestionId).ToHashSet();
        // The questions still asked in their order, then retired ones that were answered; unanswered retired ones say nothing.
        var columns = questions.Where(q => !q.Retired || answered.Contains(q.Id))
            .OrderBy(q => q.Retired).ThenBy(q => q.Order).ThenBy(q => q.Id).ToList();
        var customerIds = answers.Select(a => a.CustomerId).Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => c.ProjectId == projectId && customerIds.Contains(c.Id)).ToListAsync();
        var byCustomer = answers.ToLookup(a => a.CustomerId);
        return new Analysis(
            [.. columns.Select((q, i) =>
            {
                var mine = answers.Where(a => a.QuestionId == q.Id).ToList();
                var counts = q.Options.OrderBy(o => o.Retired).ThenBy(o => o.Order).ThenBy(o => o.Id)
                    .Select(o => new OptionCount(o.Id, o.Text, o.Retired, mine.Count(a => a.Choices.Any(c => c.OptionId == o.Id))))
                    .Where(c => !c.Retired || c.Count > 0);
                return new AnalysisColumn(q.Id, Header(i + 1, q), q.Kind, q.Retired, mine.Count, [.. counts]);
            })],
            [.. customers.OrderBy(c => c.RegisteredAt).ThenBy(c => c.Id).Select(c =>
            {
                var given = byCustomer[c.Id].ToDictionary(a => a.QuestionId);
                return new AnalysisRow(c.Id, c.Name, c.OwnerName, c.Stage, [.. columns.Select(q => given.GetValueOrDefault(q.Id)?.Display ?? "")]);
            })]);
    }

    /// <summary>Numbered, so that the headers of a sheet are unique and read in the questionnaire's order.</summary>
    private static string Header(int number, Question question) =>
        question.Retired ? $"{number}. {question.Text} ({L.T("questionnaire.retiredMark")})" : $"{number}. {question.Text}";

    private async Task<DesignResult> ChangeAsync(int questionId, Actor manager, Func<Question, List<Question>, string> change)
    {
        if (!manager.IsManager)
        {
            return new DesignResult.Rejected(L.T("questionnaire.managerOnly"));
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var projectId = await db.Questions.Where(q => q.Id == questionId).Select(q => (int?)q.ProjectId).SingleOrDefaultAsync();
        if (projectId is null)
        {
            return new DesignResult.Rejected(L.T("questionnaire.question.notFound"));
        }
        var questions = await db.Questions.Where(q => q.ProjectId == projectId).ToListAsync();
        string message;
        try
        {
            message = change(questions.Single(q => q.Id == questionId), questions);
        }
        catch (DomainException e)
        {
            return new DesignResult.Rejected(L.Message(e));
        }
        await db.SaveChangesAsync();
        return new DesignResult.Done(await ViewsAsync(db, projectId.Value), message);
    }

    private static void Renumber(List<Question> questions)
    {
        var order = 1;
        foreach (var question in questions.Where(q => !q.Retired).OrderBy(q => q.Order).ThenBy(q => q.Id))
        {
            question.MoveTo(order++);
        }
    }

    private static async Task<IReadOnlyList<QuestionView>> ViewsAsync(RealtyDbContext db, int projectId)
    {
        var questions = await db.Questions.AsNoTracking().Include(q => q.Options).Where(q => q.ProjectId == projectId)
            .OrderBy(q => q.Retired).ThenBy(q => q.Order).ThenBy(q => q.Id).ToListAsync();
        var ids = questions.Select(q => q.Id).ToList();
        var answered = (await db.QuestionAnswers.Where(a => ids.Contains(a.QuestionId)).Select(a => a.QuestionId).Distinct().ToListAsync()).ToHashSet();
        return [.. questions.Select(q => QuestionView.Of(q, answered.Contains(q.Id)))];
    }

    private static async Task<QuestionnaireSheet> SheetAsync(RealtyDbContext db, Customer customer, Actor viewer)
    {
        var questions = await ViewsAsync(db, customer.ProjectId);
        var answers = await db.QuestionAnswers.AsNoTracking().Where(a => a.CustomerId == customer.Id).ToListAsync();
        var views = answers.Select(a => new AnswerView(a.QuestionId, [.. a.Choices.Select(c => c.OptionId)], a.Text, a.Display, a.ByName, a.At)).ToDictionary(a => a.QuestionId);
        return new QuestionnaireSheet(customer.Id, customer.Name, customer.IsEditableBy(viewer),
            [.. questions.Where(q => !q.Retired)],
            [.. views.Values.Where(a => questions.Any(q => q.Id == a.QuestionId && !q.Retired))],
            [.. questions.Where(q => q.Retired && views.ContainsKey(q.Id)).Select(q => new RetiredAnswer(q, views[q.Id]))]);
    }
}
