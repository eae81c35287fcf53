using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Realty.Live.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustomerLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "Budget",
                table: "Customers",
                type: "TEXT",
                precision: 14,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Family",
                table: "Customers",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdNumber",
                table: "Customers",
                type: "TEXT",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Job",
                table: "Customers",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextFollowUp",
                table: "Customers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WantedAreas",
                table: "Customers",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WantedFloors",
                table: "Customers",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WantedLayouts",
                table: "Customers",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CustomerInteractions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Satisfaction = table.Column<int>(type: "INTEGER", nullable: true),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    NextFollowUp = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerInteractions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerInteractions_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerInteractions_CustomerId_At",
                table: "CustomerInteractions",
                columns: new[] { "CustomerId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerInteractions");

            migrationBuilder.DropColumn(
                name: "Budget",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Family",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "IdNumber",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Job",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "NextFollowUp",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "WantedAreas",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "WantedFloors",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "WantedLayouts",
                table: "Customers");
        }
    }
}
