package org.quizcard.grade;

import static org.quizcard.grade.ClassReportMarkdown.decimal;
import static org.quizcard.grade.ClassReportMarkdown.discrimination;
import static org.quizcard.grade.ClassReportMarkdown.percent;
import static org.quizcard.grade.ClassReportMarkdown.percent1;

import java.util.List;
import java.util.Locale;
import org.quizcard.Plural;
import org.quizcard.grade.ClassReport.Bin;
import org.quizcard.grade.ClassReport.Distribution;
import org.quizcard.grade.ClassReport.MisconceptionStats;
import org.quizcard.grade.ClassReport.OptionStats;
import org.quizcard.grade.ClassReport.QuestionStats;
import org.quizcard.grade.ClassReport.Result;
import org.quizcard.grade.ClassReport.Rightness;

/**
 * Writes a {@link ClassReport} as one self-contained HTML page with inline SVG charts: no scripts,
 * no external styles, fonts or addresses, so it opens offline. Every bank and student text is escaped.
 */
public final class ClassReportHtml {
    private ClassReportHtml() {
    }

    private static final String INK = "#1f2933";
    private static final String MUTED = "#616e7c";
    private static final String GRID = "#e4e7eb";
    private static final String TRACK = "#eef2f6";
    private static final String BLUE = "#3b6fb6";
    private static final String GREEN = "#2e8b57";
    private static final String AMBER = "#d08c00";
    private static final String RED = "#c0392b";
    private static final String SALMON = "#e07a5f";
    private static final String GREY = "#8a9ba8";
    private static final String PURPLE = "#7b5ea7";

    private static final String STYLE = """
            :root { color-scheme: light; }
            body { margin: 0; background: #f4f6f8; color: %s;
                   font: 15px/1.5 "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; }
            main { max-width: 1000px; margin: 0 auto; padding: 28px 36px 48px; background: #fff; }
            h1 { font-size: 26px; margin: 0 0 2px; }
            h2 { font-size: 19px; margin: 34px 0 8px; padding-bottom: 4px; border-bottom: 2px solid %s; }
            h3 { font-size: 15px; margin: 22px 0 2px; }
            p { margin: 4px 0 10px; }
            .sub, .note { color: %s; }
            .note { font-size: 13px; }
            .cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 18px 0 4px; }
            .card { flex: 1 1 140px; border: 1px solid #d9e2ec; border-radius: 6px; padding: 10px 14px; }
            .card b { display: block; font-size: 24px; }
            .card span { color: %s; font-size: 13px; }
            table { border-collapse: collapse; width: 100%%; font-size: 14px; margin: 6px 0 10px; }
            th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid %s; vertical-align: top; }
            th { background: #f0f4f8; font-weight: 600; }
            .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .flag { color: #b44d12; font-weight: 600; }
            .right { color: #1e7b4a; font-weight: 600; white-space: nowrap; }
            .bar { width: 170px; }
            svg { display: block; max-width: 100%%; height: auto; }
            svg text { font-family: inherit; fill: %s; }
            """.formatted(INK, GRID, MUTED, MUTED, GRID, INK);

    /** The whole page, ending in a newline. */
    public static String render(ClassReport report) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.append("<title>Class report: ").append(escape(report.title())).append("</title>\n");
        h.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        Distribution d = report.distribution();
        h.append("<h1>Class report: ").append(escape(report.title())).append("</h1>\n");
        h.append("<p class=\"sub\">Assignment ").append(escape(report.assignment())).append(" · ")
                .append(escape(ClassReportMarkdown.summary(d))).append("</p>\n");
        cards(h, d);
        distribution(h, d);
        questions(h, report);
        options(h, report);
        misconceptions(h, report.misconceptions());
        students(h, report.students());
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void cards(StringBuilder h, Distribution d) {
        h.append("<div class=\"cards\">\n");
        card(h, String.valueOf(d.students()), Plural.noun(d.students(), "student"));
        card(h, percent1(d.mean()), "mean score");
        card(h, percent1(d.median()), "median score");
        card(h, percent(d.passRate()), "passed (" + d.passed() + " of " + d.students() + ")");
        h.append("</div>\n");
    }

    private static void card(StringBuilder h, String value, String label) {
        h.append("<div class=\"card\"><b>").append(escape(value)).append("</b><span>").append(escape(label))
                .append("</span></div>\n");
    }

    private static void distribution(StringBuilder h, Distribution d) {
        h.append("<h2>Score distribution</h2>\n<p class=\"note\">Total score as a share of each student's points: lowest ")
                .append(percent1(d.min())).append(", highest ").append(percent1(d.max()));
        d.passMark().ifPresent(m -> h.append(", pass mark ").append(percent(m)));
        h.append(". Each bin holds its lower bound; 100% is in the last.</p>\n");
        double left = 52;
        double top = 64;
        double width = 900;
        double height = 220;
        List<Bin> bins = d.bins();
        int max = Math.max(1, bins.stream().mapToInt(Bin::count).max().orElse(1));
        int step = Math.max(1, (int) Math.ceil(max / 5.0));
        int axisTop = (int) Math.ceil((double) max / step) * step;
        svgOpen(h, 970, top + height + 48, "Histogram of total scores in 10 bins");
        for (int t = 0; t <= axisTop; t += step) {
            double y = top + height - height * t / axisTop;
            line(h, left, y, left + width, y, t == 0 ? GREY : GRID, 1, null);
            text(h, left - 8, y + 4, "end", MUTED, 12, String.valueOf(t));
        }
        double slot = width / bins.size();
        for (int i = 0; i < bins.size(); i++) {
            Bin b = bins.get(i);
            double x = left + slot * i + 4;
            double barHeight = height * b.count() / axisTop;
            boolean below = d.passMark().isPresent() && b.to() <= Math.round(d.passMark().getAsDouble() * 100);
            h.append("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"><title>"
                    .formatted(num(x), num(top + height - barHeight), num(slot - 8), num(barHeight),
                            below ? SALMON : BLUE));
            h.append(b.from()).append("–").append(b.to()).append("%: ")
                    .append(Plural.of(b.count(), "student")).append("</title></rect>\n");
            if (b.count() > 0) {
                text(h, x + (slot - 8) / 2, top + height - barHeight - 5, "middle", INK, 13, String.valueOf(b.count()));
            }
            text(h, x + (slot - 8) / 2, top + height + 18, "middle", MUTED, 12, b.from() + "–" + b.to() + "%");
        }
        text(h, left + width / 2, top + height + 40, "middle", MUTED, 12,
                "total score (bar height: number of students; bars below the pass mark in orange)");
        // The two labels point away from each other, so that close values keep them apart.
        boolean meanLeft = d.passMark().isPresent() && d.mean() <= d.passMark().getAsDouble();
        d.passMark().ifPresent(m -> marker(h, left + width * m, top + height, 18, RED, "6 4",
                "pass mark " + percent(m), !meanLeft, left + width));
        marker(h, left + width * d.mean(), top + height, 36, INK, null,
                "mean " + percent1(d.mean()), !meanLeft, left + width);
        h.append("</svg>\n");
    }

    /** A vertical line across the plot with its label above it, on the side asked for when the label fits there. */
    private static void marker(StringBuilder h, double x, double bottom, double labelY, String colour,
                               String dashes, String label, boolean toTheRight, double right) {
        line(h, x, labelY + 4, x, bottom, colour, 2, dashes);
        double labelWidth = 7.5 * label.length();
        boolean fitsRight = x + 5 + labelWidth < right + 16;
        boolean fitsLeft = x - 5 - labelWidth > 0;
        boolean onRight = toTheRight ? fitsRight || !fitsLeft : !fitsLeft;
        text(h, onRight ? x + 5 : x - 5, labelY, onRight ? "start" : "end", colour, 12, label);
    }

    private static void questions(StringBuilder h, ClassReport report) {
        h.append("<h2>Questions</h2>\n<p class=\"note\">").append(escape(ClassReportMarkdown.DIFFICULTY_NOTE)).append(' ')
                .append(escape(ClassReportMarkdown.DISCRIMINATION_NOTE)).append("</p>\n");
        List<QuestionStats> qs = report.questions();
        double row = 26;
        double top = 44;
        double labelEnd = 280;
        double diffLeft = 290;
        double diffWidth = 240;
        double discLeft = 610;
        double discWidth = 290;
        double zero = discLeft + discWidth / 2;
        double height = top + row * qs.size() + 24;
        svgOpen(h, 970, height, "Difficulty and discrimination of each question");
        text(h, 0, 16, "start", MUTED, 12, "question");
        text(h, diffLeft, 16, "start", MUTED, 12, "difficulty (mean score)");
        text(h, discLeft, 16, "start", MUTED, 12, "discrimination (corrected item-total r)");
        double bottom = top + row * qs.size();
        line(h, zero, top - 10, zero, bottom, GREY, 1, null);
        double low = zero + discWidth / 2 * ClassReport.LOW_DISCRIMINATION;
        line(h, low, top - 10, low, bottom, AMBER, 1, "4 3");
        text(h, low + 2, top - 14, "start", AMBER, 11, "0.2");
        text(h, zero - 2, top - 14, "end", MUTED, 11, "0");
        for (int i = 0; i < qs.size(); i++) {
            QuestionStats q = qs.get(i);
            double y = top + row * i;
            h.append("<g><title>").append(escape(q.id())).append(": difficulty ")
                    .append(decimal(q.difficulty())).append(", discrimination ")
                    .append(discrimination(q.discrimination())).append("</title>\n");
            text(h, labelEnd, y + 13, "end", INK, 13, shorten(q.id(), 36));
            rect(h, diffLeft, y + 2, diffWidth, 16, TRACK);
            rect(h, diffLeft, y + 2, diffWidth * q.difficulty(), 16, BLUE);
            text(h, diffLeft + diffWidth + 8, y + 15, "start", INK, 12, decimal(q.difficulty()));
            rect(h, discLeft, y + 2, discWidth, 16, TRACK);
            if (q.discrimination().isPresent()) {
                double r = q.discrimination().getAsDouble();
                double w = discWidth / 2 * Math.abs(r);
                String colour = switch (q.flag()) {
                    case NEGATIVE -> RED;
                    case LOW -> AMBER;
                    default -> GREEN;
                };
                rect(h, r < 0 ? zero - w : zero, y + 2, w, 16, colour);
            }
            text(h, discLeft + discWidth + 8, y + 15, "start", q.flag() == ClassReport.Flag.NEGATIVE ? RED : INK, 12,
                    discrimination(q.discrimination()));
            h.append("</g>\n");
        }
        text(h, diffLeft, bottom + 18, "start", MUTED, 11, "0");
        text(h, diffLeft + diffWidth, bottom + 18, "end", MUTED, 11, "1");
        text(h, discLeft, bottom + 18, "start", MUTED, 11, "−1");
        text(h, discLeft + discWidth, bottom + 18, "end", MUTED, 11, "+1");
        h.append("</svg>\n");

        h.append("<table>\n<tr><th>question</th><th>type</th><th class=\"n\">students</th><th class=\"n\">answered</th>"
                + "<th class=\"n\">difficulty</th><th class=\"n\">discrimination</th><th>flag</th></tr>\n");
        for (QuestionStats q : qs) {
            String prompt = q.inBank()
                    ? "<br><span class=\"note\">" + escape(q.prompt()) + "</span>" : "";
            row(h, td(escape(q.id()) + prompt), td(escape(q.type())), td("n", q.students()),
                    td("n", q.answered()), td("n", decimal(q.difficulty())),
                    td("n", discrimination(q.discrimination())),
                    td("flag", escape(ClassReportMarkdown.flag(q))));
        }
        h.append("</table>\n");
        if (!report.notInBank().isEmpty()) {
            h.append("<p class=\"note\">Not in the bank (shown by id, options by number): ")
                    .append(escape(String.join(", ", report.notInBank()))).append(".</p>\n");
        }
    }

    private static void options(StringBuilder h, ClassReport report) {
        List<QuestionStats> choice = report.questions().stream().filter(q -> !q.options().isEmpty()).toList();
        if (choice.isEmpty()) return;
        h.append("<h2>Option pick rates</h2>\n<p class=\"note\">").append(escape(ClassReportMarkdown.OPTIONS_NOTE))
                .append(' ').append(escape(ClassReportMarkdown.UNSEALED_NOTE)).append("</p>\n");
        for (QuestionStats q : choice) {
            h.append("<h3>").append(escape(q.id())).append("</h3>\n");
            if (q.inBank()) h.append("<p>").append(escape(q.prompt())).append("</p>\n");
            boolean rightKnown = q.options().stream().anyMatch(o -> o.rightness() != Rightness.UNKNOWN);
            if (!rightKnown) h.append("<p class=\"note\">The bank does not say which options are right.</p>\n");
            h.append("<table>\n<tr><th class=\"n\">#</th><th>option</th>").append(rightKnown ? "<th>right</th>" : "")
                    .append("<th class=\"bar\">picked by</th><th class=\"n\">picks</th><th class=\"n\">share</th>"
                            + "<th>note</th></tr>\n");
            for (OptionStats o : q.options()) {
                String colour = switch (o.rightness()) {
                    case RIGHT -> GREEN;
                    case WRONG -> SALMON;
                    case UNKNOWN -> GREY;
                };
                String right = o.rightness() == Rightness.RIGHT ? td("right", "✓ right") : td("");
                row(h, td("n", o.index() + 1), td(escape(o.label())), rightKnown ? right : "",
                        td("bar", bar(o.share(), colour, o.label() + ": " + percent(o.share()))),
                        td("n", o.picks()), td("n", percent(o.share())),
                        td("flag", escape(ClassReportMarkdown.note(o))));
            }
            double none = (double) q.unanswered() / q.students();
            row(h, td(""), td("note", "no answer"), rightKnown ? td("") : "",
                    td("bar", bar(none, GRID, "no answer: " + percent(none))),
                    td("n", q.unanswered()), td("n", percent(none)), td(""));
            h.append("</table>\n");
        }
    }

    /** A small bar chart of one share, for a table cell. */
    private static String bar(double share, String colour, String title) {
        StringBuilder b = new StringBuilder("<svg width=\"160\" height=\"14\"");
        b.append(" viewBox=\"0 0 160 14\" role=\"img\">");
        b.append("<title>").append(escape(title)).append("</title>");
        rect(b, 0, 0, 160, 14, TRACK);
        rect(b, 0, 0, 160 * share, 14, colour);
        return b.append("</svg>").toString();
    }

    private static void misconceptions(StringBuilder h, List<MisconceptionStats> misconceptions) {
        h.append("<h2>Misconceptions</h2>\n");
        if (misconceptions.isEmpty()) {
            h.append("<p>No answer revealed a misconception, and no question of the assignment probes one.</p>\n");
            return;
        }
        h.append("<p class=\"note\">").append(escape(ClassReportMarkdown.MISCONCEPTIONS_NOTE)).append("</p>\n");
        double row = 26;
        double top = 8;
        double labelEnd = 320;
        double barLeft = 330;
        double barWidth = 470;
        svgOpen(h, 970, top + row * misconceptions.size() + 8, "Share of students who revealed each misconception");
        for (int i = 0; i < misconceptions.size(); i++) {
            MisconceptionStats m = misconceptions.get(i);
            double y = top + row * i;
            h.append("<g><title>").append(escape(m.id())).append(m.claim() == null ? "" : ": " + escape(m.claim()))
                    .append("</title>\n");
            text(h, labelEnd, y + 13, "end", INK, 13, shorten(m.id(), 40));
            rect(h, barLeft, y + 2, barWidth, 16, TRACK);
            rect(h, barLeft, y + 2, barWidth * m.share(), 16, PURPLE);
            text(h, barLeft + barWidth + 8, y + 15, "start", INK, 12,
                    m.revealed() + " of " + m.students() + " (" + percent(m.share()) + ")");
            h.append("</g>\n");
        }
        h.append("</svg>\n");
        h.append("<table>\n<tr><th>misconception</th><th class=\"n\">students</th><th class=\"n\">share</th>"
                + "<th class=\"n\">met a probe</th><th>claim</th></tr>\n");
        for (MisconceptionStats m : misconceptions) {
            row(h, td(escape(m.id())), td("n", m.revealed()), td("n", percent(m.share())),
                    td("n", m.exposed().map(String::valueOf).orElse("?")),
                    td(m.claim() == null ? "<span class=\"note\">(not in the bank)</span>"
                            : escape(m.claim())));
        }
        h.append("</table>\n");
    }

    private static void students(StringBuilder h, List<Result> students) {
        h.append("<h2>Students</h2>\n<table>\n<tr><th>student</th><th class=\"n\">score</th><th>passed</th>"
                + "<th>misconceptions revealed</th></tr>\n");
        for (Result s : students) {
            row(h, td(escape(s.student())), td("n", percent1(s.share())),
                    td(s.passed() ? "yes" : "<span class=\"flag\">no</span>"),
                    td(escape(String.join(", ", s.revealed()))));
        }
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String... cells) {
        h.append("<tr>").append(String.join("", cells)).append("</tr>\n");
    }

    private static String td(Object html) {
        return "<td>" + html + "</td>";
    }

    private static String td(String style, Object html) {
        return "<td class=\"" + style + "\">" + html + "</td>";
    }

    private static void svgOpen(StringBuilder h, double width, double height, String label) {
        h.append(("<svg width=\"%s\" height=\"%s\" viewBox=\"0 0 %1$s %2$s\" role=\"img\""
                + " aria-label=\"%s\">\n").formatted(num(width), num(height), escape(label)));
    }

    private static void text(StringBuilder h, double x, double y, String anchor, String colour, int size, String text) {
        h.append(("<text x=\"%s\" y=\"%s\" text-anchor=\"%s\" font-size=\"%s\""
                + " style=\"fill:%s\">%s</text>\n")
                .formatted(num(x), num(y), anchor, size, colour, escape(text)));
    }

    private static void rect(StringBuilder h, double x, double y, double width, double height, String fill) {
        h.append("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"/>"
                .formatted(num(x), num(y), num(Math.max(0, width)), num(height), fill));
    }

    private static void line(StringBuilder h, double x1, double y1, double x2, double y2, String colour, double width,
                             String dashes) {
        h.append(("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\""
                + " stroke-width=\"%s\"%s/>\n").formatted(num(x1), num(y1), num(x2), num(y2),
                        colour, num(width),
                        dashes == null ? "" : " stroke-dasharray=\"" + dashes + "\""));
    }

    /** An SVG coordinate: one decimal, never a locale's comma. */
    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** At most {@code max} characters (code points), with an ellipsis when cut. */
    static String shorten(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) return text;
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** Text safe in HTML and SVG content and in quoted attributes; control characters become spaces. */
    static String escape(String text) {
        return ReportText.escape(text, c -> switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> Character.isISOControl(c) && c != '\n' ? " " : null;
        });
    }
}
