using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Pricing;

namespace Realty.Live.Web.Features.Customers;

/// <summary>
/// The customer list as an Excel sheet. The export writes every column; the import reads the first five
/// and ignores the rest, so an export of one project imports into another as it is.
/// </summary>
public static class CustomerSheet
{
    public const int MaxExportRows = 20_000;

    public static readonly SheetColumn Name = new("姓名", "Name");
    public static readonly SheetColumn Mobile = new("手机号", "Mobile");
    public static readonly SheetColumn Channel = new("来源渠道", "Channel");
    public static readonly SheetColumn FirstContactColumn = new("首次接触", "First contact");
    public static readonly SheetColumn AgentAccount = new("置业顾问账号", "Agent account");
    public static readonly SheetColumn Agent = new("置业顾问", "Agent");
    public static readonly SheetColumn Stage = new("阶段", "Stage");
    public static readonly SheetColumn RegisteredAt = new("登记时间", "Registered");
    public static readonly SheetColumn IdNumberColumn = new("身份证号", "ID number");
    public static readonly SheetColumn NextFollowUp = new("下次跟进", "Next follow-up");

    public static readonly SheetColumn[] Imported = [Name, Mobile, Channel, FirstContactColumn, AgentAccount];

    public static readonly SheetColumn[] Exported = [Name, Mobile, Channel, FirstContactColumn, Agent, AgentAccount, Stage, RegisteredAt, IdNumberColumn, NextFollowUp];

    /// <summary>Both languages, so any office reads it and the import takes it back.</summary>
    public static string FirstContactName(FirstContact contact) => contact == FirstContact.Call ? "来电 Call" : "来访 Walk-in";

    public static string StageName(FunnelStage stage) => stage switch
    {
        FunnelStage.Potential => "潜在 Potential",
        FunnelStage.Interested => "意向 Interested",
        FunnelStage.Deposited => "小订 Deposited",
        FunnelStage.Subscribed => "认购 Subscribed",
        FunnelStage.Signed => "签约 Signed",
        _ => "业主 Owner",
    };

    /// <summary>Blank is a walk-in, the usual first contact; otherwise either language, either half.</summary>
    public static FirstContact FirstContactOf(object? cell)
    {
        var words = PriceSheet.Text(cell).ToLowerInvariant().Split([' ', '/', '(', ')', '（', '）'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return FirstContact.WalkIn;
        }
        foreach (var word in words)
        {
            switch (word)
            {
                case "来访" or "walk-in" or "walkin" or "visit":
                    return FirstContact.WalkIn;
                case "来电" or "call" or "phone":
                    return FirstContact.Call;
            }
        }
        var text = PriceSheet.Text(cell);
        throw new DomainException("customer.import.firstContact", text.Length > 20 ? text[..20] + "…" : text);
    }
}
