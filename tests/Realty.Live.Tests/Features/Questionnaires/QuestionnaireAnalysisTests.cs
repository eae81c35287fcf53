using MiniExcelLibs;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Questionnaires;
using Realty.Live.Web.Localization;
using static Realty.Live.Tests.Features.Questionnaires.VisitQuestionnaire;

namespace Realty.Live.Tests.Features.Questionnaires;

public sealed class QuestionnaireAnalysisTests : IAsyncLifetime
{
    private const string Hostile = "<script>alert(1)</script> =1+1";

    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;
    private VisitQuestionnaire _visit = default!;

    private QuestionnaireService Questionnaires => _app.Service<QuestionnaireService>();

    public async Task InitializeAsync()
    {
        _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());
        _visit = await DesignAsync(Questionnaires, _project.Id);
        var customers = _app.Service<CustomerService>();
        // Registered a minute apart, so the rows come in this order.
        var zhang = await RegisterAsync(customers, _project.Id, "张伟", "13800138000", People.Wang);
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        var zhao = await RegisterAsync(customers, _project.Id, "赵丽", "13912345678", People.Wang);
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        var sun = await RegisterAsync(customers, _project.Id, "孙浩", "13700001111", People.Li);
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        await RegisterAsync(customers, _project.Id, "钱进", "13600002222", People.Li);

        await Answer(zhang, People.Wang, Budget("300-500万"), Concerns("交通", "学区"), new(_visit.Notes.Id, Text: Hostile));
        await Answer(zhao, People.Wang, Budget("300-500万"), Concerns("交通"));
        await Answer(sun, People.Li, Budget("500万以上"));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EachCustomerWhoAnsweredIsARowAndEachQuestionAColumn()
    {
        var analysis = (await Questionnaires.AnalysisAsync(_project.Id, People.Chen))!;

        Assert.Equal(["1. 预算 Budget", "2. 关注点 Concerns", "3. 其他需求 Notes"], analysis.Columns.Select(c => c.Header));
        Assert.Equal(
            [
                ("张伟", People.Wang.Name, "300-500万|学区; 交通|" + Hostile),
                ("赵丽", People.Wang.Name, "300-500万|交通|"),
                ("孙浩", People.Li.Name, "500万以上||"),
            ],
            analysis.Rows.Select(r => (r.Customer, r.Owner, string.Join("|", r.Cells))));
    }

    [Fact]
    public async Task EveryOptionIsCountedOncePerCustomerWhoChoseIt()
    {
        var analysis = (await Questionnaires.AnalysisAsync(_project.Id, People.Chen))!;

        var columns = analysis.Columns.ToDictionary(c => c.QuestionId);
        Assert.Equal(3, columns[_visit.Budget.Id].Answered);
        Assert.Equal([("300万以下", 0), ("300-500万", 2), ("500万以上", 1)], columns[_visit.Budget.Id].Counts.Select(c => (c.Text, c.Count)));
        Assert.Equal(2, columns[_visit.Concerns.Id].Answered);
        Assert.Equal([("学区", 1), ("交通", 2), ("景观", 0)], columns[_visit.Concerns.Id].Counts.Select(c => (c.Text, c.Count)));
        Assert.Equal((1, 0), (columns[_visit.Notes.Id].Answered, columns[_visit.Notes.Id].Counts.Count));
    }

    [Fact]
    public async Task ARetiredQuestionKeepsItsColumnAfterTheOnesStillAsked()
    {
        await Questionnaires.RetireAsync(_visit.Budget.Id, People.Chen);

        var analysis = (await Questionnaires.AnalysisAsync(_project.Id, People.Chen))!;

        Assert.Equal(["1. 关注点 Concerns", "2. 其他需求 Notes", $"3. 预算 Budget ({L.T("questionnaire.retiredMark")})"], analysis.Columns.Select(c => c.Header));
        Assert.Equal(["学区; 交通", Hostile, "300-500万"], analysis.Rows[0].Cells);
        Assert.Equal([2, 1, 3], analysis.Columns.Select(c => c.Answered));
    }

    [Fact]
    public async Task TheExcelExportIsTheTableCellForCell()
    {
        var analysis = (await Questionnaires.AnalysisAsync(_project.Id, People.Chen))!;

        var sheet = await Questionnaires.ExportAsync(_project.Id, People.Chen);

        var rows = new MemoryStream(sheet!).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var headers = QuestionnaireService.FixedHeaders.Concat(analysis.Columns.Select(c => c.Header)).ToList();
        Assert.Equal(headers, rows[0].Keys);
        Assert.Equal(
            analysis.Rows.Select(r => new[] { r.Customer, r.Owner, QuestionnaireService.StageName(r.Stage) }.Concat(r.Cells).ToList()),
            rows.Select(r => headers.Select(h => r[h]?.ToString() ?? "").ToList()));
        Assert.Null(await Questionnaires.ExportAsync(_project.Id, People.Wang));
        Assert.Null(await Questionnaires.ExportAsync(_project.Id + 100, People.Chen));
    }

    private async Task Answer(int customer, Actor by, params AnswerDraft[] answers) =>
        Assert.IsType<SheetAnswer.Found>(await Questionnaires.AnswerAsync(customer, _project.Id, answers, by));

    private AnswerDraft Budget(string option) => new(_visit.Budget.Id, [_visit.Option(_visit.Budget, option)]);

    private AnswerDraft Concerns(params string[] options) => new(_visit.Concerns.Id, [.. options.Select(o => _visit.Option(_visit.Concerns, o))]);
}
