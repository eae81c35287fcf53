using Realty.Live.Tests.Features.Deals;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Notices;
using Realty.Live.Web.Localization;

namespace Realty.Live.Tests.Features.Notices;

/// <summary>Templates and batches. The clock stands at 10:00 on 22 Nov 2026 in Shanghai, the project's time zone.</summary>
public sealed class NoticeServiceTests : IAsyncLifetime
{
    private static readonly NoticeTemplateEdit Reminder = new("催款提醒", NoticeKind.PaymentReminder, NoticeChannel.Email, NoticeLanguage.Chinese,
        "{project.name}：{unit.code}房款提醒", "{customer.name}您好：{unit.code}（{deal.stage}）下期房款{payment.amount}请于{payment.due}前缴纳。");

    private readonly ServiceHarness _app = new();
    private readonly CultureScope _culture = CultureScope.Of("zh-CN");
    private SeededProject _project = default!;

    private NoticeService Notices => _app.Service<NoticeService>();

    public async Task InitializeAsync() => _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());

    public async Task DisposeAsync()
    {
        _culture.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task ATemplateWithAnUnknownFieldIsRefusedWithTheFieldNamedAndNothingIsSaved()
    {
        var answer = await Notices.SaveTemplateAsync(_project.Id, null, 0, Reminder with { Body = "{customer.name}您好，您的{unit.price}" }, People.Chen);

        Assert.Equal("{unit.price} 不是可用的合并字段，请使用正文下方列出的字段。", Assert.IsType<TemplateAnswer.Refused>(answer).Message);
        Assert.Empty(await Notices.TemplatesAsync(_project.Id));
    }

    [Fact]
    public async Task ANameIsUsedOnceAndEachChannelHasOneBirthdayGreeting()
    {
        await _app.TemplateAsync(_project.Id, Reminder);
        var birthday = new NoticeTemplateEdit("生日祝福", NoticeKind.Birthday, NoticeChannel.Sms, NoticeLanguage.Chinese, null, "{customer.name}，生日快乐！");
        await _app.TemplateAsync(_project.Id, birthday);

        var sameName = await Notices.SaveTemplateAsync(_project.Id, null, 0, Reminder with { Body = "另一个" }, People.Chen);
        var secondSms = await Notices.SaveTemplateAsync(_project.Id, null, 0, birthday with { Name = "生日祝福2" }, People.Chen);
        var byEmail = await Notices.SaveTemplateAsync(_project.Id, null, 0, birthday with { Name = "生日邮件", Channel = NoticeChannel.Email, Subject = "生日快乐" }, People.Chen);

        Assert.Equal("本项目已有名为“催款提醒”的模板。", Assert.IsType<TemplateAnswer.Refused>(sameName).Message);
        Assert.Equal("“生日祝福”已是本项目该渠道的生日祝福，每个渠道只能有一个。", Assert.IsType<TemplateAnswer.Refused>(secondSms).Message);
        Assert.IsType<TemplateAnswer.Saved>(byEmail);
    }

    [Fact]
    public async Task ATemplateSavedMeanwhileByAnotherManagerIsNotOverwritten()
    {
        var template = await _app.TemplateAsync(_project.Id, Reminder);
        var first = await Notices.SaveTemplateAsync(_project.Id, template.Id, template.Version, Reminder with { Body = "第一位经理的版本" }, People.Chen);
        Assert.IsType<TemplateAnswer.Saved>(first);

        var second = await Notices.SaveTemplateAsync(_project.Id, template.Id, template.Version, Reminder with { Body = "第二位经理的版本" }, People.Chen with { Name = "刘洋" });

        Assert.IsType<TemplateAnswer.Refused>(second);
        Assert.Equal("第一位经理的版本", (await Notices.TemplatesAsync(_project.Id)).Single().Body);
    }

    [Fact]
    public async Task AgentsCannotWriteTemplatesOrSendBatches()
    {
        Assert.IsType<TemplateAnswer.Refused>(await Notices.SaveTemplateAsync(_project.Id, null, 0, Reminder, People.Wang));
        Assert.IsType<BatchAnswer.Refused>(await Notices.PreviewBatchAsync(_project.Id, new NoticeAudience(1), People.Wang));
    }

    [Fact]
    public async Task TheBatchPreviewFillsEachMessageAndNamesWhoIsSkippedAndWhy()
    {
        var template = await _app.TemplateAsync(_project.Id, Reminder);
        var zhang = await _app.CustomerAsync(_project.Id, Customers.ZhangName, Customers.ZhangPhone, "zhang.wei@example.com");
        var zhao = await _app.CustomerAsync(_project.Id, Customers.ZhaoName, Customers.ZhaoPhone);
        var sun = await _app.CustomerAsync(_project.Id, "孙悦", "13700137000", "sun@example.com");
        // Zhang subscribes to 1#-501 at the list price (89 m² × ¥40,750 = ¥3,626,750), paying the ¥50,000 earnest now.
        await _app.StepAsync(_project.UnitId("1#-501"), UnitAction.Subscribe, new UnitCommand(0, Customers.ZhangName, Customers.ZhangPhone, PlanId: _project.OneOffPlanId));

        var preview = Assert.IsType<BatchAnswer.Previewed>(await Notices.PreviewBatchAsync(_project.Id, new NoticeAudience(template.Id), People.Chen)).Preview;

        Assert.Equal((3, 1), (preview.Total, preview.Count));
        var sample = Assert.Single(preview.Samples);
        // The rest of the one-off payment, ¥3,626,750 − ¥50,000, is due 15 days after the contract date.
        Assert.Equal((zhang, "zhang.wei@example.com", "滨江花园 Riverside Garden：1#-501房款提醒",
                "张伟您好：1#-501（认购）下期房款¥3,576,750.00请于2026年12月14日前缴纳。"),
            (sample.CustomerId, sample.Recipient, sample.Subject, sample.Body));
        Assert.Equal([(zhao, "没有邮箱地址"), (sun, "缺少房号、交易阶段、下期应付金额、下期应付日期")], preview.Skipped.Select(s => (s.CustomerId, s.Reason)));
    }

    [Fact]
    public async Task WhatIsQueuedIsExactlyWhatThePreviewShowed()
    {
        var template = await _app.TemplateAsync(_project.Id, new NoticeTemplateEdit("开盘通知", NoticeKind.Opening, NoticeChannel.Sms, NoticeLanguage.Chinese, null,
            "{customer.name}您好，{project.name}本周六开盘，置业顾问{agent.name}恭候。"));
        for (var i = 0; i < 7; i++)
        {
            await _app.CustomerAsync(_project.Id, $"客户{i}", $"1380013{i:D4}");
        }
        var preview = Assert.IsType<BatchAnswer.Previewed>(await Notices.PreviewBatchAsync(_project.Id, new NoticeAudience(template.Id), People.Chen)).Preview;
        Assert.Equal((7, BatchPreview.SampleCount), (preview.Count, preview.Samples.Count));

        var sent = await Notices.SendBatchAsync(_project.Id, new NoticeAudience(template.Id), preview, People.Chen);

        Assert.Equal("7 条消息已进入发件箱，正在发送。", Assert.IsType<BatchAnswer.Queued>(sent).Message);
        var outbox = await _app.OutboxAsync();
        Assert.Equal(preview.CustomerIds, outbox.Select(m => m.CustomerId!.Value));
        Assert.Equal(preview.Samples.Select(s => (s.Recipient, s.Subject, s.Body)), outbox.Take(BatchPreview.SampleCount).Select(m => (m.Recipient, m.Subject, m.Body)));
        Assert.Equal("客户0您好，滨江花园 Riverside Garden本周六开盘，置业顾问王芳恭候。", outbox[0].Body);
        Assert.All(outbox, m => Assert.Equal((OutboxStatus.Pending, NoticeChannel.Sms, 0, (int?)template.Id, _app.Now), (m.Status, m.Channel, m.Attempts, m.TemplateId, m.NextAttemptAt)));
    }

    [Fact]
    public async Task ConfirmingTheSamePreviewTwiceQueuesItOnce()
    {
        var template = await _app.TemplateAsync(_project.Id, new NoticeTemplateEdit("节日", NoticeKind.Holiday, NoticeChannel.Sms, NoticeLanguage.Chinese, null, "{customer.name}，节日快乐"));
        await _app.CustomerAsync(_project.Id, Customers.ZhangName, Customers.ZhangPhone);
        var preview = Assert.IsType<BatchAnswer.Previewed>(await Notices.PreviewBatchAsync(_project.Id, new NoticeAudience(template.Id), People.Chen)).Preview;

        Assert.IsType<BatchAnswer.Queued>(await Notices.SendBatchAsync(_project.Id, new NoticeAudience(template.Id), preview, People.Chen));
        var again = await Notices.SendBatchAsync(_project.Id, new NoticeAudience(template.Id), preview, People.Chen);

        Assert.Equal("该批次已发送。", Assert.IsType<BatchAnswer.Refused>(again).Message);
        Assert.Single(await _app.OutboxAsync());
    }

    [Fact]
    public async Task ABatchWhoseCustomersChangedSinceThePreviewIsShownAgainNotQueued()
    {
        var template = await _app.TemplateAsync(_project.Id, new NoticeTemplateEdit("节日", NoticeKind.Holiday, NoticeChannel.Sms, NoticeLanguage.Chinese, null, "{customer.name}，节日快乐"));
        await _app.CustomerAsync(_project.Id, Customers.ZhangName, Customers.ZhangPhone);
        var preview = Assert.IsType<BatchAnswer.Previewed>(await Notices.PreviewBatchAsync(_project.Id, new NoticeAudience(template.Id), People.Chen)).Preview;
        await _app.CustomerAsync(_project.Id, Customers.ZhaoName, Customers.ZhaoPhone);

        var answer = await Notices.SendBatchAsync(_project.Id, new NoticeAudience(template.Id), preview, People.Chen);

        var changed = Assert.IsType<BatchAnswer.Changed>(answer);
        Assert.Equal(2, changed.Preview.Count);
        Assert.NotEqual(preview.BatchId, changed.Preview.BatchId);
        Assert.Empty(await _app.OutboxAsync());
    }

    [Fact]
    public async Task TheAudienceIsFilteredByStageChannelAndAgent()
    {
        var template = await _app.TemplateAsync(_project.Id, new NoticeTemplateEdit("节日", NoticeKind.Holiday, NoticeChannel.Sms, NoticeLanguage.Chinese, null, "{customer.name}，节日快乐"));
        var wangWalkIn = await _app.CustomerAsync(_project.Id, Customers.ZhangName, Customers.ZhangPhone, channel: "路过");
        var wangFriend = await _app.CustomerAsync(_project.Id, Customers.ZhaoName, Customers.ZhaoPhone, channel: "朋友介绍");
        var liFriend = await _app.CustomerAsync(_project.Id, "孙悦", "13700137000", agent: People.Li, channel: "朋友介绍");

        async Task<IReadOnlyList<int>> To(NoticeAudience audience) =>
            Assert.IsType<BatchAnswer.Previewed>(await Notices.PreviewBatchAsync(_project.Id, audience, People.Chen)).Preview.CustomerIds;

        Assert.Equal([wangWalkIn, wangFriend, liFriend], await To(new NoticeAudience(template.Id)));
        Assert.Equal([wangFriend, liFriend], await To(new NoticeAudience(template.Id, Channel: "朋友介绍")));
        Assert.Equal([liFriend], await To(new NoticeAudience(template.Id, Channel: "朋友介绍", AgentId: People.Li.Id)));
        Assert.Equal([wangWalkIn, wangFriend, liFriend], await To(new NoticeAudience(template.Id, Stage: FunnelStage.Potential)));
        Assert.Empty(await To(new NoticeAudience(template.Id, Stage: FunnelStage.Signed)));
    }

    [Fact]
    public async Task TheEditorsPreviewFillsInARealCustomerInTheTemplatesLanguage()
    {
        var zhang = await _app.CustomerAsync(_project.Id, Customers.ZhangName, Customers.ZhangPhone);
        await _app.StepAsync(_project.UnitId("1#-501"), UnitAction.Subscribe, new UnitCommand(0, Customers.ZhangName, Customers.ZhangPhone, PlanId: _project.OneOffPlanId));

        var english = await Notices.SampleValuesAsync(_project.Id, zhang, NoticeLanguage.English);
        var example = await Notices.SampleValuesAsync(_project.Id, null, NoticeLanguage.Chinese);

        Assert.Equal(("138****8000", "Subscribed", "¥3,626,750.00", "89 m²", "14 Dec 2026"),
            (english[MergeFields.CustomerMobile], english[MergeFields.DealStage], english[MergeFields.DealPrice], english[MergeFields.UnitArea], english[MergeFields.PaymentDue]));
        Assert.Equal("张伟", example[MergeFields.CustomerName]);
        Assert.Equal("认购", L.Status(UnitStatus.Subscribed));
    }

    [Fact]
    public async Task RetryNowPutsAFailedMessageBackInLine()
    {
        var id = await _app.QueueAsync(_project.Id, NoticeChannel.Sms, Customers.ZhangPhone, "test:1");
        await using (var db = _app.Open())
        {
            var message = db.OutboxMessages.Single();
            message.Claim(_app.Now);
            message.Failed("gateway down", _app.Now);
            await db.SaveChangesAsync();
        }

        var notYet = await Notices.RetryNowAsync(_project.Id, id, People.Chen);
        var pending = await Notices.RetryNowAsync(_project.Id, id, People.Chen);

        Assert.True(notYet.Retried);
        Assert.Equal((false, "只有发送失败的消息可以重试。"), pending);
        var retried = Assert.Single(await _app.OutboxAsync());
        Assert.Equal((OutboxStatus.Pending, _app.Now, "gateway down"), (retried.Status, retried.NextAttemptAt, retried.LastError));
    }
}
