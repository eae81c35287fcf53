using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Realty.Live.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Deals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PendingChange",
                table: "Units",
                type: "nvarchar(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PriceBasis",
                table: "Units",
                type: "nvarchar(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "GrossArea");

            migrationBuilder.AlterColumn<string>(
                name: "Action",
                table: "UnitEvents",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(12)",
                oldMaxLength: 12);

            migrationBuilder.AddColumn<decimal>(
                name: "DefaultDeposit",
                table: "Projects",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 20000m);

            migrationBuilder.AddColumn<decimal>(
                name: "DefaultEarnest",
                table: "Projects",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 50000m);

            migrationBuilder.AddColumn<decimal>(
                name: "DefaultSincerity",
                table: "Projects",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 50000m);

            migrationBuilder.AddColumn<int>(
                name: "DepositDays",
                table: "Projects",
                type: "int",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<string>(
                name: "Opening",
                table: "Projects",
                type: "nvarchar(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "Off");

            migrationBuilder.AddColumn<int>(
                name: "SignWithinDays",
                table: "Projects",
                type: "int",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.AddColumn<string>(
                name: "TimeZoneId",
                table: "Projects",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "Asia/Shanghai");

            migrationBuilder.AddColumn<int>(
                name: "UnitsPerBuyer",
                table: "Projects",
                type: "int",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AlterColumn<string>(
                name: "CloseReason",
                table: "Deals",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(12)",
                oldMaxLength: 12,
                oldNullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ApprovedPrice",
                table: "Deals",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CoBuyers",
                table: "Deals",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ContractDate",
                table: "Deals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContractNo",
                table: "Deals",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "DepositAmount",
                table: "Deals",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DepositExpiresAt",
                table: "Deals",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "EarnestAmount",
                table: "Deals",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "FinalPrice",
                table: "Deals",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "FloorPrice",
                table: "Deals",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<bool>(
                name: "IsRehearsal",
                table: "Deals",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "PaymentPlanId",
                table: "Deals",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PriceLines",
                table: "Deals",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "QueueTicketId",
                table: "Deals",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SignBy",
                table: "Deals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SubscribedOn",
                table: "Deals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubscriptionNo",
                table: "Deals",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ChangeRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    DealId = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    UnitCode = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    TargetUnitId = table.Column<int>(type: "int", nullable: true),
                    NewCustomerName = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    NewCustomerPhone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    NewCoBuyers = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    NewSchemeIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    NewPlanId = table.Column<int>(type: "int", nullable: true),
                    ProposedPrice = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    ForfeitEarnest = table.Column<bool>(type: "bit", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RequestedById = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RequestedByName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DecidedByName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecisionNote = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Before = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    After = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    MoneyEffect = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChangeRequests_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "OpeningCalls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    FromNumber = table.Column<int>(type: "int", nullable: false),
                    ToNumber = table.Column<int>(type: "int", nullable: false),
                    CalledBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CalledAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    IsRehearsal = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpeningCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpeningCalls_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaymentPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    DownPaymentPercent = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: false),
                    DownPaymentDays = table.Column<int>(type: "int", nullable: false),
                    Instalments = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    LoanPercent = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: false),
                    FundPercent = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: false),
                    LoanDays = table.Column<int>(type: "int", nullable: false),
                    Active = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentPlans_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PriceRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    PriceBasis = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    ListPrice = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    FloorPrice = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    ByName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    AdjustmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriceRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PriceRecords_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "QueueTickets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    BuyerName = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    BuyerPhone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    AgentId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    AgentName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    RefundedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    IsRehearsal = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QueueTickets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QueueTickets_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Receivables",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    DealId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Receivables", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Receivables_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Reminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Key = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    RecipientId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    UnitCode = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DealId = table.Column<int>(type: "int", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reminders_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DiscountSchemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Value = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Identity = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Stacks = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Layouts = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    PaymentPlanId = table.Column<int>(type: "int", nullable: true),
                    Active = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiscountSchemes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DiscountSchemes_PaymentPlans_PaymentPlanId",
                        column: x => x.PaymentPlanId,
                        principalTable: "PaymentPlans",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_DiscountSchemes_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Receipts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    DealId = table.Column<int>(type: "int", nullable: true),
                    QueueTicketId = table.Column<int>(type: "int", nullable: true),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    ByName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Receipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Receipts_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Receipts_QueueTickets_QueueTicketId",
                        column: x => x.QueueTicketId,
                        principalTable: "QueueTickets",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_PaymentPlanId",
                table: "Deals",
                column: "PaymentPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_ProjectId_ContractNo",
                table: "Deals",
                columns: new[] { "ProjectId", "ContractNo" },
                unique: true,
                filter: "\"ContractNo\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_ProjectId_Stage_SignBy",
                table: "Deals",
                columns: new[] { "ProjectId", "Stage", "SignBy" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_ProjectId_SubscriptionNo",
                table: "Deals",
                columns: new[] { "ProjectId", "SubscriptionNo" },
                unique: true,
                filter: "\"SubscriptionNo\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_QueueTicketId",
                table: "Deals",
                column: "QueueTicketId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_DealId_Pending",
                table: "ChangeRequests",
                column: "DealId",
                unique: true,
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_ProjectId_Status",
                table: "ChangeRequests",
                columns: new[] { "ProjectId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_DiscountSchemes_PaymentPlanId",
                table: "DiscountSchemes",
                column: "PaymentPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_DiscountSchemes_ProjectId",
                table: "DiscountSchemes",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_OpeningCalls_ProjectId",
                table: "OpeningCalls",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentPlans_ProjectId",
                table: "PaymentPlans",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_PriceRecords_UnitId_Id",
                table: "PriceRecords",
                columns: new[] { "UnitId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_QueueTickets_ProjectId_BuyerPhone",
                table: "QueueTickets",
                columns: new[] { "ProjectId", "BuyerPhone" });

            migrationBuilder.CreateIndex(
                name: "IX_QueueTickets_ProjectId_IsRehearsal_Number",
                table: "QueueTickets",
                columns: new[] { "ProjectId", "IsRehearsal", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Receipts_DealId",
                table: "Receipts",
                column: "DealId");

            migrationBuilder.CreateIndex(
                name: "IX_Receipts_ProjectId_At",
                table: "Receipts",
                columns: new[] { "ProjectId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Receipts_QueueTicketId",
                table: "Receipts",
                column: "QueueTicketId");

            migrationBuilder.CreateIndex(
                name: "IX_Receivables_DealId",
                table: "Receivables",
                column: "DealId");

            migrationBuilder.CreateIndex(
                name: "IX_Receivables_ProjectId_Due",
                table: "Receivables",
                columns: new[] { "ProjectId", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_ProjectId_Key",
                table: "Reminders",
                columns: new[] { "ProjectId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_RecipientId_ReadAt",
                table: "Reminders",
                columns: new[] { "RecipientId", "ReadAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_Deals_PaymentPlans_PaymentPlanId",
                table: "Deals",
                column: "PaymentPlanId",
                principalTable: "PaymentPlans",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_Deals_QueueTickets_QueueTicketId",
                table: "Deals",
                column: "QueueTicketId",
                principalTable: "QueueTickets",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Deals_PaymentPlans_PaymentPlanId",
                table: "Deals");

            migrationBuilder.DropForeignKey(
                name: "FK_Deals_QueueTickets_QueueTicketId",
                table: "Deals");

            migrationBuilder.DropTable(
                name: "ChangeRequests");

            migrationBuilder.DropTable(
                name: "DiscountSchemes");

            migrationBuilder.DropTable(
                name: "OpeningCalls");

            migrationBuilder.DropTable(
                name: "PriceRecords");

            migrationBuilder.DropTable(
                name: "Receipts");

            migrationBuilder.DropTable(
                name: "Receivables");

            migrationBuilder.DropTable(
                name: "Reminders");

            migrationBuilder.DropTable(
                name: "PaymentPlans");

            migrationBuilder.DropTable(
                name: "QueueTickets");

            migrationBuilder.DropIndex(
                name: "IX_Deals_PaymentPlanId",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_ProjectId_ContractNo",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_ProjectId_Stage_SignBy",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_ProjectId_SubscriptionNo",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_QueueTicketId",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "PendingChange",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "PriceBasis",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "DefaultDeposit",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "DefaultEarnest",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "DefaultSincerity",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "DepositDays",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "Opening",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "SignWithinDays",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "TimeZoneId",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "UnitsPerBuyer",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "ApprovedPrice",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "CoBuyers",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "ContractDate",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "ContractNo",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "DepositAmount",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "DepositExpiresAt",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "EarnestAmount",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "FinalPrice",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "FloorPrice",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "IsRehearsal",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "PaymentPlanId",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "PriceLines",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "QueueTicketId",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "SignBy",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "SubscribedOn",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "SubscriptionNo",
                table: "Deals");

            migrationBuilder.AlterColumn<string>(
                name: "Action",
                table: "UnitEvents",
                type: "nvarchar(12)",
                maxLength: 12,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(16)",
                oldMaxLength: 16);

            migrationBuilder.AlterColumn<string>(
                name: "CloseReason",
                table: "Deals",
                type: "nvarchar(12)",
                maxLength: 12,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(16)",
                oldMaxLength: 16,
                oldNullable: true);
        }
    }
}
