using MiniExcelLibs;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Questionnaires;

public sealed partial class QuestionnaireService
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The analysis table as a sheet, cell for cell as the page shows it; null for a viewer who may not see it.</summary>
    public async Task<byte[]?> ExportAsync(int projectId, Actor manager) =>
        await AnalysisAsync(projectId, manager) is { } analysis ? Write(analysis) : null;

    /// <summary>The fixed columns before the questions, in the reader's language like the page.</summary>
    public static IReadOnlyList<string> FixedHeaders => [L.T("questionnaire.col.customer"), L.T("questionnaire.col.owner"), L.T("questionnaire.col.stage")];

    public static string StageName(FunnelStage stage) => L.T("stage." + stage.ToString().ToLowerInvariant());

    public static byte[] Write(Analysis analysis)
    {
        var headers = FixedHeaders.Concat(analysis.Columns.Select(c => c.Header)).ToList();
        var table = analysis.Rows
            .Select(r => (IDictionary<string, object?>)headers.Zip(new object?[] { r.Customer, r.Owner, StageName(r.Stage) }.Concat(r.Cells))
                .ToDictionary(p => p.First, p => p.Second))
            .ToList();
        if (table.Count == 0)
        {
            // MiniExcel writes no header for no rows: an empty analysis still shows its columns.
            table.Add(headers.ToDictionary(h => h, _ => (object?)null));
        }
        using var stream = new MemoryStream();
        stream.SaveAs(table, sheetName: L.T("questionnaire.sheet"));
        return stream.ToArray();
    }
}
