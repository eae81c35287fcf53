using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Realty.Live.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Ownership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Retired",
                table: "ProjectChannels",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Resolution",
                table: "DuplicateAttempts",
                type: "nvarchar(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolutionNote",
                table: "DuplicateAttempts",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolvedAt",
                table: "DuplicateAttempts",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolvedById",
                table: "DuplicateAttempts",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolvedByName",
                table: "DuplicateAttempts",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OwnedSince",
                table: "Customers",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PooledAt",
                table: "Customers",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Customers",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CustomerAliases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    CustomerId = table.Column<int>(type: "int", nullable: false),
                    Mobile = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    MergedName = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    MergedOwnerName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    MergedRegisteredAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    MergedById = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    MergedByName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    MergedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerAliases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerAliases_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustomerTransfers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CustomerId = table.Column<int>(type: "int", nullable: false),
                    CustomerName = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    FromProjectId = table.Column<int>(type: "int", nullable: false),
                    ToProjectId = table.Column<int>(type: "int", nullable: false),
                    FromOwnerId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    FromOwnerName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ToOwnerId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ToOwnerName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ById = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ByName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerTransfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerTransfers_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "PoolRules",
                columns: table => new
                {
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    IdleDays = table.Column<int>(type: "int", nullable: false),
                    ClaimsPerDay = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PoolRules", x => x.ProjectId);
                    table.ForeignKey(
                        name: "FK_PoolRules_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_ProjectId_PooledAt",
                table: "Customers",
                columns: new[] { "ProjectId", "PooledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerAliases_CustomerId",
                table: "CustomerAliases",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerAliases_ProjectId_Mobile",
                table: "CustomerAliases",
                columns: new[] { "ProjectId", "Mobile" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomerTransfers_CustomerId",
                table: "CustomerTransfers",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerTransfers_FromProjectId_At",
                table: "CustomerTransfers",
                columns: new[] { "FromProjectId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerTransfers_ToOwnerId_Kind_At",
                table: "CustomerTransfers",
                columns: new[] { "ToOwnerId", "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerTransfers_ToProjectId_At",
                table: "CustomerTransfers",
                columns: new[] { "ToProjectId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerAliases");

            migrationBuilder.DropTable(
                name: "CustomerTransfers");

            migrationBuilder.DropTable(
                name: "PoolRules");

            migrationBuilder.DropIndex(
                name: "IX_Customers_ProjectId_PooledAt",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Retired",
                table: "ProjectChannels");

            migrationBuilder.DropColumn(
                name: "Resolution",
                table: "DuplicateAttempts");

            migrationBuilder.DropColumn(
                name: "ResolutionNote",
                table: "DuplicateAttempts");

            migrationBuilder.DropColumn(
                name: "ResolvedAt",
                table: "DuplicateAttempts");

            migrationBuilder.DropColumn(
                name: "ResolvedById",
                table: "DuplicateAttempts");

            migrationBuilder.DropColumn(
                name: "ResolvedByName",
                table: "DuplicateAttempts");

            migrationBuilder.DropColumn(
                name: "OwnedSince",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "PooledAt",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Customers");
        }
    }
}
