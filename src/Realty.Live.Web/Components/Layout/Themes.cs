using MudBlazor;

namespace Realty.Live.Web.Components.Layout;

public static class Themes
{
    private static readonly string[] Fonts = ["\"Noto Sans CJK SC\"", "\"PingFang SC\"", "\"Microsoft YaHei\"", "system-ui", "sans-serif"];

    public static readonly MudTheme Office = new()
    {
        PaletteLight = new PaletteLight { Primary = "#1f4e79", AppbarBackground = "#1f4e79", Secondary = "#c0392b" },
        Typography = new Typography { Default = new DefaultTypography { FontFamily = Fonts } },
    };
}
