using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Deals;

namespace Realty.Live.Web.Data;

/// <summary>
/// The demo: "滨江花园 Riverside Garden", phase 1, four towers, ~480 units in a believable mix,
/// and demo people. Runs only when <c>Demo:Seed</c> is true and the database has no project yet.
/// </summary>
public static class DemoSeed
{
    public const string Password = "Demo@2026";

    public sealed record DemoPerson(string Email, string Name, string Role);

    public static readonly DemoPerson[] People =
    [
        new("wangfang@demo.realty.live", "王芳", Roles.Agent),
        new("liqiang@demo.realty.live", "李强", Roles.Agent),
        new("zhaomin@demo.realty.live", "赵敏", Roles.Agent),
        new("manager@demo.realty.live", "陈静", Roles.Manager),
        new("finance@demo.realty.live", "刘洋", Roles.Finance),
        new("admin@demo.realty.live", "周涛", Roles.Admin),
    ];

    private static readonly (string Code, string Name, decimal Area)[] LayoutTypes =
    [
        ("A", "3房2厅1卫", 89m),
        ("B", "3房2厅2卫", 105m),
        ("C", "4房2厅2卫", 128m),
        ("D", "4房2厅2卫", 143m),
        ("S", "商铺", 96m),
    ];

    // Stack → layout and orientation: the big south-facing units sit at 01/02.
    private static readonly (string Stack, string Layout, string Orientation, decimal Premium)[] Stacks =
    [
        ("01", "D", "南", 1_200m),
        ("02", "C", "南", 1_200m),
        ("03", "B", "东南", 400m),
        ("04", "A", "西南", 0m),
    ];

    private static readonly string[] Surnames = ["张", "李", "王", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗"];
    private static readonly string[] GivenNames = ["伟", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "海燕", "建华", "志强", "丽娟"];

    // The registered buyers have two-character given names: the short ones (张伟) are what people type
    // when they try the board, and a namesake with another number would make them confirm it.
    private static readonly string[] BuyerNames = ["子轩", "雨桐", "浩然", "欣怡", "宇航", "梓涵", "俊杰", "诗涵", "文博", "雅婷", "晓东", "秀英", "海燕", "建华", "志强", "丽娟", "国平", "红梅"];

    private static readonly string[] WalkInNotes = ["来访看样板间，关注南向户型", "路过售楼处进来了解价格", "朋友介绍来访，带家人一起看房"];
    private static readonly string[] CallNotes = ["来电咨询户型和首付比例", "来电询问开盘时间和优惠"];

    public static async Task SeedAsync(IServiceProvider services, TimeProvider clock)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RealtyDbContext>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        if (await db.Projects.AnyAsync())
        {
            return;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var agents = new List<Actor>();
        Actor? manager = null;
        foreach (var person in People)
        {
            var user = new AppUser { UserName = person.Email, Email = person.Email, EmailConfirmed = true, DisplayName = person.Name, IsDemo = true };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, person.Role));
            var actor = new Actor(user.Id, person.Name, person.Role == Roles.Manager);
            if (person.Role == Roles.Agent)
            {
                agents.Add(actor);
            }
            else if (person.Role == Roles.Manager)
            {
                manager = actor;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var project = new Project { Name = "滨江花园 Riverside Garden", Phase = "一期 Phase 1" };
        project.Layouts.AddRange(LayoutTypes.Select(l => new Layout { Code = l.Code, Name = l.Name }));
        (string Name, int Floors)[] towers = [("1#", 33), ("2#", 30), ("3#", 28), ("4#", 26)];
        project.Buildings.AddRange(towers.Select((t, i) => new Building { Name = t.Name, SortOrder = i + 1 }));
        db.Projects.Add(project);
        await db.SaveChangesAsync();

        var layouts = project.Layouts.ToDictionary(l => l.Code);
        var area = LayoutTypes.ToDictionary(l => l.Code, l => l.Area);
        var units = new List<(Unit Unit, int Tower)>();
        for (var t = 0; t < towers.Length; t++)
        {
            var building = project.Buildings[t];
            for (var floor = 1; floor <= towers[t].Floors; floor++)
            {
                foreach (var stack in Stacks)
                {
                    // Tower 1# has shops on the ground floor.
                    var layout = t == 0 && floor == 1 ? "S" : stack.Layout;
                    var gross = area[layout];
                    var perM2 = layout == "S" ? 52_000m : 38_000m + 150m * floor + stack.Premium + 300m * (3 - t);
                    var list = Math.Round(perM2 * gross, 0);
                    var unit = new Unit
                    {
                        ProjectId = project.Id,
                        BuildingId = building.Id,
                        Code = $"{building.Name}-{floor}{stack.Stack}",
                        Floor = floor,
                        Stack = stack.Stack,
                        LayoutId = layouts[layout].Id,
                        Layout = layouts[layout],
                        GrossArea = gross,
                        NetArea = Math.Round(gross * 0.78m, 2),
                        Orientation = stack.Orientation,
                        UnitPrice = perM2,
                        ListPrice = list,
                        FloorPrice = Math.Round(list * 0.97m, 0),
                    };
                    unit.Initialise(UnitStatus.Unreleased, now.AddDays(-30));
                    units.Add((unit, t));
                }
            }
        }
        db.Units.AddRange(units.Select(u => u.Unit));
        var (plans, schemes) = PlansAndDiscounts(project, clock.GetUtcNow().UtcDateTime);
        db.PaymentPlans.AddRange(plans);
        await db.SaveChangesAsync();
        db.DiscountSchemes.AddRange(schemes(plans));
        db.PriceRecords.AddRange(units.Select(u => new PriceRecord(u.Unit, manager!.Name, now.AddDays(-31), "开盘价目表 · opening price list")));
        await db.SaveChangesAsync();
        var offers = await db.DiscountSchemes.Where(d => d.ProjectId == project.Id).ToListAsync();

        // Play a month of sales through the real state machine and the sales desk, so every status has
        // its events and deals, and every deal its price, plan, payments and schedule.
        var random = new Random(20261122);
        // Customers' details come from their own sequence, so the board's mix stays what it always was.
        var people = new Random(20261123);
        var mobiles = new HashSet<string>();
        var contracts = 0;
        foreach (var (unit, tower) in units)
        {
            var upperHalfOf4 = tower == 3 && unit.Floor > towers[3].Floors / 2;
            if (upperHalfOf4)
            {
                continue;
            }
            var at = now.AddDays(-30).AddMinutes(random.Next(0, 60));
            db.UnitEvents.Add(unit.Publish(manager!, at));
            if (tower == 2 && unit.Floor > towers[2].Floors - 2)
            {
                db.UnitEvents.Add(unit.Withhold(manager!, "领导保留 · reserved for management", at.AddHours(1)));
                continue;
            }
            var agent = agents[random.Next(agents.Count)];
            var typed = CustomerContact.Create(
                Surnames[random.Next(Surnames.Length)] + BuyerNames[random.Next(BuyerNames.Length)],
                "1" + random.Next(3, 10) + random.Next(100_000_000, 999_999_999));
            Task<Customer> BuyerAsync(DateTime firstStep, bool followUp) => RegisterAsync(db, project, unit, typed, agent, firstStep, followUp, people, mobiles, now);
            var dealAt = at.AddDays(random.Next(1, 28)).AddMinutes(random.Next(0, 600));
            var plan = plans[random.Next(plans.Count)];
            var roll = random.NextDouble();
            Customer? buyer = null;
            if (roll < 0.28)
            {
                buyer = await BuyerAsync(dealAt, followUp: false);
                await StepAsync(db, project, unit, UnitAction.Subscribe, agent, CustomerContact.Of(buyer), dealAt, Terms(project, unit, plan, offers, dealAt));
                if (roll < 0.20)
                {
                    // A few days after the subscription, but never later than the seed runs: the ticker shows no future.
                    var signedAt = new[] { dealAt.AddDays(random.Next(1, 4)), now.AddMinutes(-random.Next(30, 600)) }.Min();
                    await StepAsync(db, project, unit, UnitAction.Sign, agent, null, signedAt,
                        new DealTerms { ContractNo = $"HT2026{++contracts:D5}", Today = project.Today(signedAt) });
                }
            }
            else if (roll < 0.31)
            {
                var depositAt = now.AddDays(-random.Next(0, project.DepositDays)).AddMinutes(-random.Next(1, 600));
                buyer = await BuyerAsync(depositAt, followUp: true);
                await StepAsync(db, project, unit, UnitAction.Deposit, agent, CustomerContact.Of(buyer), depositAt,
                    new DealTerms { Deposit = project.DefaultDeposit, Today = project.Today(depositAt), DepositFor = TimeSpan.FromDays(project.DepositDays) });
            }
            else if (roll < 0.34)
            {
                var heldAt = now.AddMinutes(-random.Next(1, 20));
                buyer = await BuyerAsync(heldAt, followUp: true);
                db.UnitEvents.Add(unit.Hold(agent, CustomerContact.Of(buyer), heldAt, TimeSpan.FromMinutes(project.HoldMinutes)));
            }
            buyer?.FollowDeals([unit.LiveDeal!.Stage]);
        }
        await db.SaveChangesAsync();
        await WalkInsAsync(db, project, agents, people, mobiles, now);
        await QueueAsync(db, project, agents, random, now);
        CustomerWork(db, project, manager!, now);
        await db.SaveChangesAsync();
    }

    /// <summary>A visit questionnaire and the notices a sales office starts with, so those pages open on something real.</summary>
    private static void CustomerWork(RealtyDbContext db, Project project, Actor manager, DateTime now)
    {
        QuestionDraft[] questions =
        [
            new("购房用途", QuestionKind.SingleChoice, true, [new(null, "自住"), new(null, "改善"), new(null, "投资")]),
            new("最看重的因素", QuestionKind.MultipleChoice, false, [new(null, "学区"), new(null, "交通"), new(null, "户型"), new(null, "价格"), new(null, "景观")]),
            new("其他需求", QuestionKind.Text, false, []),
        ];
        db.Questions.AddRange(questions.Select((q, i) => Question.Create(project.Id, q, i + 1, [])));
        NoticeTemplateEdit[] templates =
        [
            new("开盘通知", NoticeKind.Opening, NoticeChannel.Sms, NoticeLanguage.Chinese, null,
                "{customer.name}您好，{project.name}将于本周六上午9点正式开盘，请携带身份证及排号单到售楼处选房。置业顾问：{agent.name}"),
            new("付款提醒", NoticeKind.PaymentReminder, NoticeChannel.Sms, NoticeLanguage.Chinese, null,
                "{customer.name}您好，您购买的{unit.code}下期房款{payment.amount}将于{payment.due}到期，请按时缴纳。"),
            new("生日祝福", NoticeKind.Birthday, NoticeChannel.Sms, NoticeLanguage.Chinese, null,
                "{customer.name}，{project.name}祝您生日快乐！"),
        ];
        db.NoticeTemplates.AddRange(templates.Select(t => NoticeTemplate.Create(project.Id, t, manager, now)));
    }

    /// <summary>
    /// The buyer of a demo deal, registered with the deal's agent before it: their first visit or call,
    /// the showing of the unit, and for a deal still open to persuasion a follow-up planned.
    /// </summary>
    private static async Task<Customer> RegisterAsync(
        RealtyDbContext db, Project project, Unit unit, CustomerContact typed, Actor agent, DateTime firstStep, bool followUp,
        Random people, HashSet<string> mobiles, DateTime now)
    {
        var registeredAt = firstStep.AddDays(-people.Next(1, 15)).AddMinutes(-people.Next(0, 600));
        var customer = await NewCustomerAsync(db, project, typed, agent, registeredAt, people, mobiles, now);
        var showing = new InteractionEntry(InteractionKind.Showing, "看了样板间和实房，比较满意", people.Next(4, 6), unit.Code);
        db.CustomerInteractions.Add(customer.Record(showing, agent, firstStep.AddMinutes(-people.Next(20, 90)), project.Today(registeredAt)));
        if (followUp)
        {
            var next = project.Today(now).AddDays(people.Next(1, 4));
            db.CustomerInteractions.Add(customer.Record(new InteractionEntry(InteractionKind.FollowUp, "约好下次来售楼处谈付款方式", NextFollowUp: next), agent, firstStep, project.Today(firstStep)));
        }
        return customer;
    }

    /// <summary>Walk-ins and calls that have not come to a deal yet: the top of the funnel.</summary>
    private static async Task WalkInsAsync(RealtyDbContext db, Project project, List<Actor> agents, Random people, HashSet<string> mobiles, DateTime now)
    {
        for (var i = 0; i < 24; i++)
        {
            var agent = agents[people.Next(agents.Count)];
            var typed = CustomerContact.Create(Surnames[people.Next(Surnames.Length)] + BuyerNames[people.Next(BuyerNames.Length)], "1" + people.Next(3, 10) + people.Next(100_000_000, 999_999_999));
            await NewCustomerAsync(db, project, typed, agent, now.AddDays(-people.Next(0, 20)).AddMinutes(-people.Next(0, 600)), people, mobiles, now);
        }
        await db.SaveChangesAsync();
    }

    private static async Task<Customer> NewCustomerAsync(
        RealtyDbContext db, Project project, CustomerContact typed, Actor agent, DateTime registeredAt, Random people, HashSet<string> mobiles, DateTime now)
    {
        var contact = typed;
        while (!mobiles.Add(contact.Phone))
        {
            contact = CustomerContact.Create(typed.Name, "1" + people.Next(3, 10) + people.Next(100_000_000, 999_999_999));
        }
        var firstContact = people.Next(3) == 0 ? FirstContact.Call : FirstContact.WalkIn;
        var channel = ProjectChannel.Defaults[people.Next(ProjectChannel.Defaults.Count)];
        var customer = Customer.Register(project.Id, contact, channel, ProjectChannel.Defaults, firstContact, agent, registeredAt);
        db.Customers.Add(customer);
        // The timeline's entries need the customer's id.
        await db.SaveChangesAsync();
        var (kind, notes) = firstContact == FirstContact.Call ? (InteractionKind.Call, CallNotes) : (InteractionKind.WalkIn, WalkInNotes);
        db.CustomerInteractions.Add(customer.Record(new InteractionEntry(kind, notes[people.Next(notes.Length)]), agent, registeredAt, project.Today(now)));
        return customer;
    }

    private static async Task StepAsync(RealtyDbContext db, Project project, Unit unit, UnitAction action, Actor agent, CustomerContact? customer, DateTime at, DealTerms terms)
    {
        var change = action switch
        {
            UnitAction.Deposit => unit.Deposit(agent, customer, terms, at),
            UnitAction.Subscribe => unit.Subscribe(agent, customer, terms, at),
            _ => unit.Sign(agent, customer, terms, at),
        };
        db.UnitEvents.Add(change);
        await DealDesk.BookAsync(db, project, change.Deal!, action, terms, agent, at);
    }

    /// <summary>A subscription with the discounts that apply, as many as the floor price allows, as an agent gives them.</summary>
    private static DealTerms Terms(Project project, Unit unit, PaymentPlan plan, IReadOnlyList<DiscountScheme> offers, DateTime at)
    {
        var today = project.Today(at);
        var layout = LayoutCodeOf(unit);
        var schemes = new List<DiscountScheme>();
        foreach (var offer in offers.Where(o => o.Identity is null && o.Refusal(unit, layout, today, plan.Id) is null))
        {
            if (!PriceQuote.For(unit, layout, [.. schemes, offer], today, plan.Id).BelowFloor)
            {
                schemes.Add(offer);
            }
        }
        return new DealTerms
        {
            Quote = PriceQuote.For(unit, layout, schemes, today, plan.Id),
            Plan = plan,
            Earnest = project.DefaultEarnest,
            Today = today,
            SignWithinDays = project.SignWithinDays,
        };
    }

    private static string LayoutCodeOf(Unit unit) => unit.Layout?.Code ?? "";

    /// <summary>The payment plans a Chinese sales office offers, and its launch discounts.</summary>
    private static (List<PaymentPlan> Plans, Func<List<PaymentPlan>, IEnumerable<DiscountScheme>> Schemes) PlansAndDiscounts(Project project, DateTime now)
    {
        List<PaymentPlan> plans =
        [
            new(project.Id, new PaymentPlanTerms("一次性付款 One-off", PaymentPlanKind.OneOff, 100, DownPaymentDays: 15)),
            new(project.Id, new PaymentPlanTerms("商业按揭 Mortgage (30% down)", PaymentPlanKind.Mortgage, 30, LoanPercent: 70)),
            new(project.Id, new PaymentPlanTerms("公积金贷款 Provident fund (30% down)", PaymentPlanKind.ProvidentFund, 30, FundPercent: 70)),
            new(project.Id, new PaymentPlanTerms("组合贷 Mixed loan", PaymentPlanKind.Mixed, 30, LoanPercent: 40, FundPercent: 30)),
            new(project.Id, new PaymentPlanTerms("分期付款 Instalments", PaymentPlanKind.Instalments, 40, Instalments: [new(30, 90), new(30, 180)])),
        ];
        var today = project.Today(now);
        return (plans, saved =>
        [
            new(project.Id, new DiscountTerms("开盘优惠 Opening 98%", DiscountKind.Percent, 98, today.AddDays(-40), today.AddDays(60))),
            new(project.Id, new DiscountTerms("一次性付款再减1点 One-off: 1 point", DiscountKind.Points, 1, PaymentPlanId: saved[0].Id)),
            new(project.Id, new DiscountTerms("东南西南户型总价优惠 ¥20,000", DiscountKind.AmountOffTotal, 20_000, Stacks: ["03", "04"])),
            new(project.Id, new DiscountTerms("大平层单价优惠 ¥200/m²", DiscountKind.AmountOffPerM2, 200, Layouts: ["D"])),
            new(project.Id, new DiscountTerms("员工优惠 Staff 99%", DiscountKind.Percent, 99, Identity: "员工 Staff")),
            new(project.Id, new DiscountTerms("老业主优惠 Returning owner ¥30,000", DiscountKind.AmountOffTotal, 30_000, Identity: "老业主 Returning owner")),
        ]);
    }

    /// <summary>Queue numbers with sincerity deposits, for trying the opening day's desk and calls.</summary>
    private static async Task QueueAsync(RealtyDbContext db, Project project, List<Actor> agents, Random random, DateTime now)
    {
        for (var number = 1; number <= 30; number++)
        {
            var agent = agents[random.Next(agents.Count)];
            var buyer = CustomerContact.Create(
                Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)],
                "1" + random.Next(3, 10) + random.Next(100_000_000, 999_999_999));
            var issuedAt = now.AddDays(-random.Next(1, 10));
            var ticket = new QueueTicket(project.Id, number, buyer, project.DefaultSincerity, agent, issuedAt, isRehearsal: false);
            db.QueueTickets.Add(ticket);
            db.Receipts.Add(new Receipt(project.Id, ReceiptKind.SincerityDeposit, ticket.Amount, agent, issuedAt, ticket: ticket, note: $"#{number}"));
        }
        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
