package org.quizcard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bash completion script the launcher prints, run by bash as it completes a command line: its
 * completion function called with the words typed so far, as bash's programmable completion calls it.
 */
class CompletionIT {
    @TempDir
    Path work;

    /** What the script offers for the last word of {@code words} (the word being completed). */
    private List<String> complete(Path script, String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String w : words) array.append(" '").append(w).append('\'');
        String line = String.join(" ", words);
        String program = "source '" + script + "'\n"
                + "COMP_WORDS=(" + array + ")\n"
                + "COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE='" + line + "'\n"
                + "COMP_POINT=" + line.length() + "\n"
                + "_complete_quizcard quizcard '" + words[words.length - 1] + "' '" + words[words.length - 2] + "'\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process bash = new ProcessBuilder("bash", "-c", program).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(bash.getInputStream().readAllBytes());
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.lines().filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void bashCompletesConceptsTagsAndQuestionIdsFromTheBanks() throws Exception {
        Launcher.Run run = Launcher.run(work, Map.of("QUIZCARD_HOME", work.resolve("home").toString()), "",
                "completion", "bash");
        assertThat(run.exit()).as(run.err()).isZero();
        Path script = Files.writeString(work.resolve("quizcard.bash"), run.out());

        assertThat(complete(script, "quizcard", "quiz", "--concept", "cont")).containsExactly("containers");
        assertThat(complete(script, "quizcard", "study", "--concept", "name")).containsExactly("namespaces");
        assertThat(complete(script, "quizcard", "quiz", "--tag", "rootl")).containsExactly("rootless");
        assertThat(complete(script, "quizcard", "show", "containers/what-is"))
                .containsExactly("containers/what-is-a-container");
        assertThat(complete(script, "quizcard", "qu")).containsExactly("quiz");
    }
}
