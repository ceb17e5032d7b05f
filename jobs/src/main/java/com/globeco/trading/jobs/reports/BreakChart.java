package com.globeco.trading.jobs.reports;

import java.util.List;

/** Breaks per day as stacked bars, critical at the bottom, then warning, then info: inline SVG with a legend. */
final class BreakChart {
    private static final int BAR = 18;
    private static final int GAP = 6;
    private static final int HEIGHT = 200;
    private static final int MARGIN = 30;
    private static final String[][] SERIES = {{"critical", "#b00020"}, {"warning", "#e08a00"}, {"info", "#8aa0b8"}};

    private BreakChart() {}

    static String svg(List<DailyReport.DayCount> days) {
        long most = Math.max(1, days.stream().mapToLong(DailyReport.DayCount::total).max().orElse(1));
        int width = MARGIN * 2 + days.size() * (BAR + GAP);
        StringBuilder svg = new StringBuilder(4_096).append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(width)
                .append("\" height=\"").append(HEIGHT + MARGIN * 3).append("\"><title>Breaks by day and severity</title>\n")
                .append("<text x=\"0\" y=\"").append(MARGIN - 8).append("\" font-size=\"11\">").append(most).append(" breaks</text>\n");
        for (int index = 0; index < days.size(); index++) {
            DailyReport.DayCount day = days.get(index);
            long[] counts = {day.critical(), day.warning(), day.info()};
            int x = MARGIN + index * (BAR + GAP);
            int bottom = MARGIN + HEIGHT;
            for (int series = 0; series < counts.length; series++) {
                int height = (int) Math.round((double) counts[series] * HEIGHT / most);
                if (height > 0) {
                    bottom -= height;
                    svg.append("<rect class=\"").append(SERIES[series][0]).append("\" x=\"").append(x).append("\" y=\"").append(bottom)
                            .append("\" width=\"").append(BAR).append("\" height=\"").append(height).append("\" fill=\"").append(SERIES[series][1])
                            .append("\"><title>").append(day.day()).append(": ").append(counts[series]).append(' ').append(SERIES[series][0])
                            .append("</title></rect>\n");
                }
            }
            if (index % 5 == 0 || index == days.size() - 1) {
                svg.append("<text x=\"").append(x).append("\" y=\"").append(MARGIN + HEIGHT + 14).append("\" font-size=\"10\">")
                        .append(day.day().toString().substring(5)).append("</text>\n");
            }
        }
        for (int series = 0; series < SERIES.length; series++) {
            int x = MARGIN + series * 90;
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(MARGIN + HEIGHT + 26).append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(SERIES[series][1]).append("\"/><text x=\"").append(x + 14).append("\" y=\"").append(MARGIN + HEIGHT + 35)
                    .append("\" font-size=\"11\">").append(SERIES[series][0]).append("</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }
}
