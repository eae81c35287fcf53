using Realty.Live.Web.Domain;

namespace Realty.Live.Tests.Support;

/// <summary>The sales office the tests play in: two agents and their manager.</summary>
public static class People
{
    public static readonly Actor Wang = new("agent-wang", "王芳", IsManager: false);

    public static readonly Actor Li = new("agent-li", "李强", IsManager: false);

    public static readonly Actor Chen = new("manager-chen", "陈静", IsManager: true);
}

public static class Customers
{
    public const string ZhangName = "张伟";
    public const string ZhangPhone = "13800138000";
    public const string ZhaoName = "赵丽";
    public const string ZhaoPhone = "13912345678";

    public static CustomerContact Zhang => CustomerContact.Create(ZhangName, ZhangPhone);

    public static CustomerContact Zhao => CustomerContact.Create(ZhaoName, ZhaoPhone);
}

/// <summary>A fixed instant, so times in assertions are exact.</summary>
public static class Moments
{
    public static readonly DateTime Start = new(2026, 11, 22, 2, 0, 0, DateTimeKind.Utc);
}
