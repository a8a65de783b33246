package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code stats} says what {@code study} would serve now, in the counts its header starts with:
 * new ones up to the daily limit, learning steps, due reviews and the questions that come back
 * early to probe an active misconception.
 */
class StudyNowTest {
    private static final Pattern HEADER = Pattern.compile("Question 1  ·  (\\d+) new · (\\d+) learning · (\\d+) due");

    @TempDir
    Path dir;

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    /** The counts of {@code study}'s first question, or zeros when it has nothing to serve. */
    private static String studyHeader(CliRunner learner) {
        CliRunner.Run study = learner.stdin("").run("study", "--plain");
        assertThat(study.exit()).as(study.err()).isZero();
        Matcher m = HEADER.matcher(study.out());
        return m.find() ? m.group(1) + " new · " + m.group(2) + " learning · " + m.group(3) + " due"
                : "0 new · 0 learning · 0 due";
    }

    private static JsonNode studyNow(CliRunner learner) {
        return JsonMapper.shared().readTree(learner.run("stats", "--json").out()).get("studyNow");
    }

    @Test
    void statsCountsWhatStudyServesOnTheFirstDayAndTheDaysAfter() {
        CliRunner learner = new CliRunner().clock(at("2026-11-22T10:00:00Z"));
        assertThat(learner.run("stats").out()).contains("\nStudy now: 10 new · 0 learning · 0 due\n");
        learner.stdin("1\n".repeat(40)).run("quiz", "--count", "20", "--seed", "3");
        for (String time : new String[] {"2026-11-22T10:01:00Z", "2026-11-22T10:30:00Z", "2026-11-23T10:00:00Z",
            "2026-11-25T10:00:00Z", "2026-11-29T10:00:00Z"}) {
            learner.clock(at(time));
            String header = studyHeader(learner);
            assertThat(learner.run("stats").out()).as(time).contains("\nStudy now: " + header + "\n");
            JsonNode now = studyNow(learner);
            assertThat(now.get("new").asInt() + " new · " + now.get("learning").asInt() + " learning · "
                    + now.get("due").asInt() + " due").as(time).isEqualTo(header);
            assertThat(now.get("scheduled").asInt() + now.get("probes").asInt()).as(time)
                    .isEqualTo(now.get("learning").asInt() + now.get("due").asInt());
            // a day's study: answered as the first time, so the log moves on
            learner.stdin("1\n".repeat(40)).run("study", "--plain");
        }
    }

    @Test
    void aQuestionBackEarlyToProbeAMisconceptionIsCountedAsStudyCountsIt() throws Exception {
        Path bank = Files.createDirectories(dir.resolve("bank"));
        Files.writeString(bank.resolve("misconceptions.yaml"), """
                misconceptions:
                  - id: vm
                    claim: A container is a lightweight virtual machine.
                    seems_right: Both isolate software.
                    correction: Wrong. A container is a group of host processes.
                    concepts: [containers]
                    sources: [namespaces(7)]
                """);
        StringBuilder questions = new StringBuilder("id: containers\ntitle: Containers\nsummary: Host processes.\n"
                + "sources: [namespaces(7)]\nquestions:\n");
        for (String id : new String[] {"first", "second"}) {
            questions.append("  - id: ").append(id).append("""

                        type: text
                        prompt: To the kernel, what is a container?
                        answers: [processes]
                        wrong:
                          - answer: a vm
                            misconception: vm
                        explanation: The kernel sees ordinary processes.
                    """).append("    tags: [").append(id).append("]\n").append("    hint: Not the ").append(id).append(" hint.\n");
        }
        Files.writeString(bank.resolve("containers.yaml"), questions);
        CliRunner learner = new CliRunner().env(Context.BANKS, bank.toString()).clock(at("2026-11-22T10:00:00Z"));
        // the first question wrong, revealing the misconception; then both right until they
        // leave their learning steps
        learner.stdin("a vm\n").run("quiz", "--tag", "first");
        for (String time : new String[] {"10:00", "10:15", "10:30", "10:45", "11:30"}) {
            learner.clock(at("2026-11-22T" + time + ":00Z"));
            if (!time.equals("10:00")) learner.stdin("processes\n").run("quiz", "--tag", "first");
            learner.stdin("processes\n").run("quiz", "--tag", "second");
        }
        // the next day nothing is scheduled, yet study serves the second question again: it probes
        // the misconception the first revealed
        learner.clock(at("2026-11-23T10:00:00Z"));
        JsonNode stats = JsonMapper.shared().readTree(learner.run("stats", "--json").out());
        assertThat(stats.get("dueNow").asInt()).isZero();
        assertThat(stats.get("studyNow").toString())
                .isEqualTo("{\"new\":0,\"learning\":0,\"due\":1,\"scheduled\":0,\"probes\":1}");
        assertThat(learner.run("stats").out()).contains("\nStudy now: 0 new · 0 learning · 1 due\n"
                + "  0 scheduled for review by now, 1 back early to probe active misconceptions\n")
                .doesNotContain("Due now");
        assertThat(studyHeader(learner)).isEqualTo("0 new · 0 learning · 1 due");
    }
}
