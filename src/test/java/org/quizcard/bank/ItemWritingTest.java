package org.quizcard.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each item-writing rule of lint: a flawed item it warns about, and the fixed item it passes. */
class ItemWritingTest {
    private static final String HEAD = "id: c\ntitle: C\nsummary: s\nsources: [x]\n";
    private static final String M = "misconception: container-has-own-kernel";

    /** The warnings of a concept file made of {@code questions}, with {@code extra} concept fields. */
    private static List<String> conceptWarnings(String extra, String... questions) {
        var loaded = Fixtures.load("c.yaml", HEAD + extra + "questions:\n" + String.join("", questions),
                "misconceptions.yaml", Fixtures.demoMisconceptions());
        assertThat(loaded.errors()).extracting(Problem::format)
                .allMatch(p -> p.contains("is probed by no question"));
        return loaded.problems().stream().filter(p -> !p.isError()).map(Problem::format).toList();
    }

    private static List<String> warnings(String... questions) {
        return conceptWarnings("", questions);
    }

    private static String choice(String type, String id, String prompt, String allow, String... options) {
        StringBuilder b = new StringBuilder("  - id: " + id + "\n    type: " + type + "\n    prompt: \"" + prompt
                + "\"\n    explanation: e\n" + allow + "    options:\n");
        for (String o : options) b.append("      - ").append(o).append('\n');
        return b.toString();
    }

    private static String single(String prompt, String... options) {
        return choice("single", "q", prompt, "", options);
    }

    private static String right(String text) {
        return "{text: \"" + text + "\", correct: true}";
    }

    private static String wrong(String text) {
        return "{text: \"" + text + "\", " + M + "}";
    }

    private static String trueFalse(String id, String statement, boolean answer) {
        return "  - id: " + id + "\n    type: truefalse\n    prompt: \"" + statement + "\"\n    answer: " + answer
                + "\n    " + M + "\n    explanation: e\n";
    }

    @Test
    void allAndNoneOfTheAboveAndCombinedOptions() {
        assertThat(warnings(single("Which runs the container?", right("The host kernel"), wrong("A guest kernel"),
                wrong("All of the above"))))
                .containsExactly("c.yaml:13:9: warning: question 'q': option 'All of the above' is all of the above: "
                        + "write options that each stand alone [all-of-the-above]");
        assertThat(warnings(single("Which runs the container?", right("The host kernel"), wrong("A guest kernel"),
                wrong("None of these"))))
                .singleElement().asString().endsWith("[none-of-the-above]");
        assertThat(warnings(single("Which runs the container?", right("The host kernel"), wrong("A guest kernel"),
                wrong("Both A and B"))))
                .singleElement().asString().endsWith("[combined-option]");
        assertThat(warnings(single("Which runs the container?", right("The host kernel"), wrong("A guest kernel"),
                wrong("A kernel in firmware"), wrong("2 and 3 CPUs in turn")))).isEmpty();
    }

    @Test
    void aKeyMuchLongerThanEveryDistractor() {
        assertThat(warnings(single("Which kernel runs a container's processes?",
                right("The host's own kernel, shared with every other process"), wrong("Its own kernel"),
                wrong("A guest kernel"))))
                .containsExactly("c.yaml:6:5: warning: question 'q': the key (54 characters) is much longer than every "
                        + "distractor (at most 14): length gives it away [long-key]");
        assertThat(warnings(single("Which kernel runs a container's processes?", right("The host's kernel"),
                wrong("A kernel in the image"), wrong("A guest kernel")))).isEmpty();
    }

    @Test
    void absoluteWordsOnlyInDistractors() {
        assertThat(warnings(single("Who can load a kernel module?", right("A process holding the right capability"),
                wrong("Every user, always, at once"), wrong("The container runtime in use"))))
                .containsExactly("c.yaml:12:9: warning: question 'q': absolute words (every, always) only in "
                        + "distractors mark them as wrong: reword, or give a key an absolute that is true [absolute-words]");
        assertThat(warnings(single("Who can load a kernel module?", right("Only a process holding that capability"),
                wrong("Every user, at any time"), wrong("The container runtime in use")))).isEmpty();
    }

    @Test
    void aStemEndingInAnArticleOnlyTheKeyFits() {
        assertThat(warnings(single("Address translation on each access is done by an", right("MMU"),
                wrong("page cache"), wrong("scheduler"))))
                .containsExactly("c.yaml:12:9: warning: question 'q': the stem ends in 'an', which option 'page cache' "
                        + "does not follow: end the stem before the article [grammar-cue]");
        assertThat(warnings(single("Which unit translates addresses on each access?", right("The MMU"),
                wrong("The page cache"), wrong("The scheduler")))).isEmpty();
        assertThat(ItemWriting.startsWithVowelSound("MMU")).isTrue();
        assertThat(ItemWriting.startsWithVowelSound("CPU")).isFalse();
        assertThat(ItemWriting.startsWithVowelSound("user process")).isFalse();
        assertThat(ItemWriting.startsWithVowelSound("inode")).isTrue();
    }

    @Test
    void aDistinctiveStemWordRepeatedOnlyInTheKey() {
        assertThat(warnings(single("What does a cgroup's pids.max limit?", right("The number of tasks in the cgroup"),
                wrong("Memory use of its processes"), wrong("CPU time of its processes"))))
                .containsExactly("c.yaml:6:5: warning: question 'q': only the key repeats the prompt's word 'cgroup': "
                        + "a learner can match words instead of knowing the answer [stem-word-in-key]");
        assertThat(warnings(single("What does a cgroup's pids.max limit?", right("The number of tasks in the group"),
                wrong("Memory use of its processes"), wrong("CPU time of its processes")))).isEmpty();
    }

    @Test
    void aNegativeStemWithoutEmphasis() {
        assertThat(warnings(single("Which of these is not a namespace?", right("memory"), wrong("PID"), wrong("mount"))))
                .singleElement().asString().contains("the negative 'not' is easy to miss").endsWith("[negative-stem]");
        assertThat(warnings(single("Which of these is NOT a namespace?", right("memory"), wrong("PID"), wrong("mount"))))
                .isEmpty();
        assertThat(warnings(single("Why is x86 not virtualisable by trap and emulate?", right("Silent instructions"),
                wrong("Too few rings"), wrong("No page tables")))).isEmpty();
    }

    @Test
    void trueFalseStatementsAllOneWay() {
        assertThat(warnings(trueFalse("a", "Containers share the host kernel.", false),
                trueFalse("b", "A VM boots a kernel.", false), trueFalse("c", "cgroups limit use.", false),
                trueFalse("d", "Namespaces limit view.", true)))
                .containsExactly("c.yaml:1:1: warning: concept 'c': 1 of 4 true/false statements are true; between 40% "
                        + "and 60% keeps 'guess false' from paying [truefalse-balance]");
        assertThat(warnings(trueFalse("a", "Containers share the host kernel.", true),
                trueFalse("b", "A VM boots a kernel.", false), trueFalse("c", "cgroups limit use.", false),
                trueFalse("d", "Namespaces limit view.", true))).isEmpty();
    }

    @Test
    void absoluteWordsMarkingTheFalseStatements() {
        assertThat(warnings(trueFalse("a", "A container always has its own kernel.", false),
                trueFalse("b", "A VM boots a kernel.", true), trueFalse("c", "Swap is never used.", false),
                trueFalse("d", "Namespaces limit view.", true)))
                .containsExactly("c.yaml:1:1: warning: concept 'c': absolute words are in 2 of 2 false statements but "
                        + "0 of 2 true ones, so they mark the false ones [absolute-words-truefalse]");
        assertThat(warnings(trueFalse("a", "A container always has its own kernel.", false),
                trueFalse("b", "Only the kernel runs in ring 0.", true), trueFalse("c", "Swap is never used.", false),
                trueFalse("d", "Every process has a PID.", true))).isEmpty();
    }

    @Test
    void anAcceptedAnswerOneEditFromAWrongOne() {
        String flawed = "  - id: q\n    type: text\n    prompt: Which device does the FUSE daemon read?\n"
                + "    answers: [/dev/fuse]\n    wrong:\n      - {answer: /dev/cuse, " + M + "}\n    explanation: e\n";
        assertThat(warnings(flawed)).containsExactly("c.yaml:11:9: warning: question 'q': the wrong answer '/dev/cuse' "
                + "is one edit from the accepted '/dev/fuse': a slip of the finger decides the verdict [typo-near-wrong]");
        String fixed = flawed.replace("/dev/cuse", "/proc/fuse");
        assertThat(warnings(fixed)).isEmpty();
    }

    @Test
    void aReferenceToATextTheLearnerNeverSaw() {
        assertThat(warnings(single("Which example does the article give?", right("QEMU"), wrong("Xen"), wrong("KVM"))))
                .singleElement().asString().endsWith("[unseen-text]");
        assertThat(warnings(single("Which program emulates a whole machine?", right("QEMU"), wrong("Xen"),
                wrong("KVM")))).isEmpty();
    }

    @Test
    void aQuestionSilencesARuleWithAReason() {
        String allow = "    lint-allow: {long-key: \"the key must name both halves\"}\n";
        assertThat(warnings(choice("single", "q", "Which kernel runs a container's processes?", allow,
                right("The host's own kernel, shared with every other process"), wrong("Its own kernel"),
                wrong("A guest kernel")))).isEmpty();
        String concept = "lint-allow: {truefalse-balance: \"a concept of myths\"}\n";
        assertThat(conceptWarnings(concept, trueFalse("a", "Containers boot.", false), trueFalse("b", "VMs share.", false),
                trueFalse("c", "cgroups hide.", false))).isEmpty();
    }

    @Test
    void silencingAnUnknownRuleOrWithoutAReasonIsAnError() {
        var loaded = Fixtures.load("c.yaml", HEAD + "questions:\n" + choice("single", "q", "Which?",
                "    lint-allow: {long-keys: why, absolute-words: '', truefalse-balance: x}\n", right("a"), wrong("b")),
                "misconceptions.yaml", Fixtures.demoMisconceptions());
        assertThat(loaded.errors()).extracting(Problem::format).contains(
                "c.yaml:10:18: 'lint-allow': unknown lint rule 'long-keys' (one of no-misconception, no-explanation, all-of-the-above, "
                        + "none-of-the-above, combined-option, long-key, absolute-words, grammar-cue, stem-word-in-key, "
                        + "negative-stem, typo-near-wrong, unseen-text)",
                "c.yaml:10:50: 'lint-allow.absolute-words' must be a reason (a string), not empty",
                "c.yaml:10:54: 'lint-allow': 'truefalse-balance' is silenced in the concept, not in a question");
    }
}
