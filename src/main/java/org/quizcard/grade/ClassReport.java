package org.quizcard.grade;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.quizcard.bank.Bank;

/**
 * A class report: the statistics of many students' grading results of one assignment (score
 * distribution, question difficulty and discrimination, option pick rates, misconception
 * prevalence), labelled from the bank. {@link ResultReader} reads the results,
 * {@link ClassStatistics} computes the report from them, {@link ClassReportMarkdown} and
 * {@link ClassReportHtml} write it.
 */
public record ClassReport(String assignment, String title, List<Result> students, Distribution distribution,
                          List<QuestionStats> questions, List<MisconceptionStats> misconceptions,
                          List<String> notInBank) {

    /** Discrimination below this is flagged low. */
    public static final double LOW_DISCRIMINATION = 0.2;
    /** How many bins the score histogram has, each 10 percentage points wide. */
    public static final int BINS = 10;

    public ClassReport {
        students = List.copyOf(students);
        questions = List.copyOf(questions);
        misconceptions = List.copyOf(misconceptions);
        notInBank = List.copyOf(notInBank);
    }

    /** One student's result file, as {@code quizcard grade --json} writes it. */
    public record Result(String file, String assignment, String title, String student, List<Answer> answers,
                         double earned, double points, double share, double passMark, boolean passed) {
        public Result {
            answers = List.copyOf(answers);
        }

        /** The misconceptions any answer of this result revealed, in first-seen order. */
        public Set<String> revealed() {
            Set<String> ids = new LinkedHashSet<>();
            answers.forEach(a -> ids.addAll(a.misconceptions()));
            return ids;
        }
    }

    /** One question of a result; {@code picks} and {@code options} only mean something for choice questions. */
    public record Answer(String id, String concept, String type, boolean answered, List<Integer> picks, int options,
                         double score, double points, double earned, List<String> misconceptions) {
        public Answer {
            picks = List.copyOf(picks);
            misconceptions = List.copyOf(misconceptions);
        }

        public boolean isChoice() {
            return CHOICE_TYPES.contains(type);
        }
    }

    /** One bar of the score histogram: students whose total share is in [from, to) percent (the last bin includes 100). */
    public record Bin(int from, int to, int count) { }

    /** The spread of total scores. */
    public record Distribution(List<Bin> bins, double mean, double median, double min, double max,
                               int passed, int students, OptionalDouble passMark) {
        public Distribution {
            bins = List.copyOf(bins);
        }

        public double passRate() {
            return students == 0 ? 0 : (double) passed / students;
        }
    }

    /** What the discrimination of a question says about it. */
    public enum Flag {
        /** At or above {@link #LOW_DISCRIMINATION}. */
        OK,
        /** Between 0 and {@link #LOW_DISCRIMINATION}: the question barely separates strong and weak students. */
        LOW,
        /** Below 0: weaker students do better on it than stronger ones. */
        NEGATIVE,
        /** Not computable: fewer than three students, or no spread in the question or the rest. */
        UNDEFINED
    }

    /** Whether an option is right, as far as the bank says. */
    public enum Rightness { RIGHT, WRONG, UNKNOWN }

    /**
     * The statistics of one question: {@code difficulty} is the mean score (classical p-value) over
     * the students given it; {@code discrimination} the corrected item-total correlation.
     */
    public record QuestionStats(String id, String concept, String type, String prompt, int students, int answered,
                                double difficulty, OptionalDouble discrimination, Flag flag,
                                List<OptionStats> options, int unanswered) {
        public QuestionStats {
            options = List.copyOf(options);
        }

        /** Whether the bank holds this question (and so labels its options). */
        public boolean inBank() {
            return prompt != null;
        }
    }

    /** How often one option (by bank order) was picked among the students given its question. */
    public record OptionStats(int index, String text, Rightness rightness, String misconception, int picks,
                              double share) {
        /** The text to show: the bank's, else {@code option n}. */
        public String label() {
            return text != null ? text : "option " + (index + 1);
        }

        public boolean nobodyPicked() {
            return picks == 0;
        }
    }

    /**
     * How many students revealed a misconception; {@code exposed} is how many were given a question
     * the bank says can reveal it (empty when some of its questions are not in the bank).
     */
    public record MisconceptionStats(String id, String claim, int revealed, int students,
                                     Optional<Integer> exposed) {
        public double share() {
            return students == 0 ? 0 : (double) revealed / students;
        }
    }

    /** The question types whose answers record picks among numbered options. */
    static final Set<String> CHOICE_TYPES = Set.of("single", "multiple");

    /**
     * Builds the report of {@code results} (see {@link ResultReader}), labelling questions,
     * options and misconceptions from {@code bank}. Fails when there are no results, when they
     * belong to different assignments, or when one student has two.
     */
    public static ClassReport of(List<Result> results, Bank bank) {
        return ClassStatistics.of(results, bank);
    }
}
