package org.quizcard.grade;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.quizcard.Plural;
import org.quizcard.grade.ClassReport.Bin;
import org.quizcard.grade.ClassReport.Distribution;
import org.quizcard.grade.ClassReport.MisconceptionStats;
import org.quizcard.grade.ClassReport.OptionStats;
import org.quizcard.grade.ClassReport.QuestionStats;
import org.quizcard.grade.ClassReport.Result;
import org.quizcard.grade.ClassReport.Rightness;

/** Writes a {@link ClassReport} as Markdown (GitHub tables); every bank and student text is escaped. */
public final class ClassReportMarkdown {
    private ClassReportMarkdown() {
    }

    /** How the report explains its statistics; the HTML page says the same. */
    static final String DIFFICULTY_NOTE = "Difficulty is the mean score of the students given the question "
            + "(classical p-value: 1.00 means everyone was right).";
    static final String DISCRIMINATION_NOTE = "Discrimination is the corrected item-total correlation: the "
            + "point-biserial (Pearson) correlation between the question's score and each student's share of the "
            + "rest of the assignment, so that the question is not correlated with itself. Below 0.20 is flagged "
            + "low, below 0 negative; n/a when fewer than three students had the question or no scores differed.";
    static final String OPTIONS_NOTE = "Options are in bank order (each student saw them shuffled); shares are of "
            + "the students given the question.";
    static final String UNSEALED_NOTE = "Right options are marked only where the bank says which are right.";
    static final String MISCONCEPTIONS_NOTE = "Share of all students whose answers revealed the misconception at "
            + "least once; \"met a probe\" counts the students given a question that can reveal it.";

    /** The whole report as Markdown, ending in a newline. */
    public static String render(ClassReport report) {
        StringBuilder md = new StringBuilder();
        Distribution d = report.distribution();
        md.append("# Class report: ").append(escape(report.title())).append("\n\n");
        md.append("Assignment ").append(escape(report.assignment())).append(" · ").append(summary(d)).append("\n");
        distribution(md, d);
        questions(md, report);
        options(md, report);
        misconceptions(md, report.misconceptions());
        students(md, report.students());
        return md.toString();
    }

    /** The one-line summary: students, mean, median, pass rate. */
    static String summary(Distribution d) {
        return Plural.of(d.students(), "student") + " · mean " + percent1(d.mean())
                + " · median " + percent1(d.median()) + " · pass rate " + percent(d.passRate())
                + " (" + d.passed() + " of " + d.students() + ")";
    }

    private static void distribution(StringBuilder md, Distribution d) {
        md.append("\n## Score distribution\n\n");
        md.append("Total score as a share of each student's points: lowest ").append(percent1(d.min()))
                .append(", highest ").append(percent1(d.max()));
        d.passMark().ifPresent(m -> md.append(", pass mark ").append(percent(m)));
        md.append(". Each bin holds its lower bound; 100% is in the last.\n\n");
        md.append("| score | students | |\n|---|--:|---|\n");
        int max = d.bins().stream().mapToInt(Bin::count).max().orElse(0);
        for (Bin b : d.bins()) {
            int width = max == 0 ? 0 : (int) Math.ceil(30.0 * b.count() / max);
            row(md, b.from() + "–" + b.to() + "%", b.count(), "█".repeat(width));
        }
    }

    private static void questions(StringBuilder md, ClassReport report) {
        md.append("\n## Questions\n\n").append(DIFFICULTY_NOTE).append(' ').append(DISCRIMINATION_NOTE).append("\n\n");
        md.append("| question | type | students | answered | difficulty | discrimination | flag |\n");
        md.append("|---|---|--:|--:|--:|--:|---|\n");
        for (QuestionStats q : report.questions()) {
            row(md, escape(q.id()), escape(q.type()), q.students(), q.answered(),
                    decimal(q.difficulty()), discrimination(q.discrimination()), flag(q));
        }
        if (!report.notInBank().isEmpty()) {
            md.append("\nNot in the bank (shown by id, options by number): ")
                    .append(String.join(", ", report.notInBank().stream().map(ClassReportMarkdown::escape).toList()))
                    .append(".\n");
        }
    }

    private static void options(StringBuilder md, ClassReport report) {
        List<QuestionStats> choice = report.questions().stream().filter(q -> !q.options().isEmpty()).toList();
        if (choice.isEmpty()) return;
        md.append("\n## Option pick rates\n\n").append(OPTIONS_NOTE).append(' ').append(UNSEALED_NOTE).append('\n');
        for (QuestionStats q : choice) {
            md.append("\n### ").append(escape(q.id())).append("\n\n");
            if (q.inBank()) md.append(escape(q.prompt())).append("\n\n");
            boolean rightKnown = q.options().stream().anyMatch(o -> o.rightness() != Rightness.UNKNOWN);
            if (!rightKnown) md.append("The bank does not say which options are right.\n\n");
            md.append("| # | option |").append(rightKnown ? " right |" : "").append(" picks | share | |\n");
            md.append("|--:|---|").append(rightKnown ? ":-:|" : "").append("--:|--:|---|\n");
            for (OptionStats o : q.options()) {
                md.append("| ").append(o.index() + 1).append(" | ").append(escape(o.label())).append(" | ");
                if (rightKnown) md.append(o.rightness() == Rightness.RIGHT ? "✓" : "").append(" | ");
                md.append(o.picks()).append(" | ").append(percent(o.share())).append(" | ").append(note(o))
                        .append(" |\n");
            }
            md.append("| | no answer |").append(rightKnown ? " |" : "").append(' ').append(q.unanswered())
                    .append(" | ").append(percent((double) q.unanswered() / q.students())).append(" | |\n");
        }
    }

    private static void misconceptions(StringBuilder md, List<MisconceptionStats> misconceptions) {
        md.append("\n## Misconceptions\n\n");
        if (misconceptions.isEmpty()) {
            md.append("No answer revealed a misconception, and no question of the assignment probes one.\n");
            return;
        }
        md.append(MISCONCEPTIONS_NOTE).append("\n\n");
        md.append("| misconception | students | share | met a probe | claim |\n|---|--:|--:|--:|---|\n");
        for (MisconceptionStats m : misconceptions) {
            row(md, escape(m.id()), m.revealed(), percent(m.share()),
                    m.exposed().map(String::valueOf).orElse("?"),
                    m.claim() == null ? "(not in the bank)" : escape(m.claim()));
        }
    }

    private static void students(StringBuilder md, List<Result> students) {
        md.append("\n## Students\n\n| student | score | passed | misconceptions revealed |\n|---|--:|---|---|\n");
        for (Result s : students) {
            row(md, escape(s.student()), percent1(s.share()), s.passed() ? "yes" : "no",
                    String.join(", ", s.revealed().stream().map(ClassReportMarkdown::escape)
                            .toList()));
        }
    }

    /** One table row of these cells. */
    private static void row(StringBuilder md, Object... cells) {
        for (Object cell : cells) md.append("| ").append(cell).append(' ');
        md.append("|\n");
    }

    /** What a flag says, in a word or two; empty for a question that discriminates well. */
    static String flag(QuestionStats q) {
        return switch (q.flag()) {
            case OK -> "";
            case LOW -> "low discrimination";
            case NEGATIVE -> "negative discrimination";
            case UNDEFINED -> "n/a";
        };
    }

    /** The note beside an option: nobody picking it is worth a look. */
    static String note(OptionStats o) {
        if (!o.nobodyPicked()) return "";
        return o.rightness() == Rightness.WRONG ? "nobody picked this distractor" : "nobody picked";
    }

    static String discrimination(OptionalDouble r) {
        return r.isPresent() ? decimal(r.getAsDouble()) : "n/a";
    }

    static String decimal(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.equals("-0.00") ? "0.00" : s;
    }

    /** A share as a whole percentage. */
    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    /** A share as a percentage with one decimal. */
    static String percent1(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /**
     * Text safe in a Markdown table cell or paragraph: one line, pipes and backslashes escaped, and
     * HTML, emphasis and block characters backslash-escaped so that a renderer shows them as typed.
     */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '|', '<', '>', '`', '*', '_', '[', ']' -> b.append('\\').append(c);
                case '&' -> b.append(ENTITY.matcher(text).region(i, text.length()).lookingAt() ? "\\&" : "&");
                case '#', '-', '+', '=' -> b.append(i == 0 ? "\\" : "").append(c);
                case '\n', '\r', '\t' -> b.append(' ');
                default -> b.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return b.toString();
    }

    private static final Pattern ENTITY = Pattern.compile("&#?[A-Za-z0-9]+;");
}
