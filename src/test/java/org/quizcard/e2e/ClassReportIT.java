package org.quizcard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code quizcard report} as a teacher runs it: results written by hand, the real launcher, and the
 * HTML page rendered offline by headless Chromium into a screenshot that must show the charts.
 */
class ClassReportIT {
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 1600;
    /** The histogram's bar colour, {@code #3b6fb6}. */
    private static final int BLUE = 0x3b6fb6;
    private static final String HOSTILE_STUDENT = "Robert'); <script>alert(\"x\")</script> & co";

    @TempDir
    Path work;

    @Test
    void theHtmlReportOpensOfflineInChromiumAndShowsItsCharts() throws Exception {
        // -Dtest=ClassReport* also picks this class up in surefire; it belongs to failsafe, which sets QUIZCARD_ROOT.
        assumeTrue(System.getenv("QUIZCARD_ROOT") != null, "an end-to-end test: run it with mvn verify");
        Path bank = writeBank(work.resolve("bank"));
        List<String> args = new ArrayList<>(List.of("report"));
        for (int i = 0; i < 24; i++) {
            String student = i == 5 ? HOSTILE_STUDENT : String.format("student-%02d", i);
            Path file = work.resolve("results").resolve(String.format("s%02d.json", i));
            Files.createDirectories(file.getParent());
            Files.writeString(file, result(student, i));
            args.add("results/" + file.getFileName());
        }
        args.addAll(List.of("--bank", bank.toString(), "--html", "report.html", "--markdown", "report.md"));
        Launcher.Run run = Launcher.run(work, Map.of("QUIZCARD_HOME", work.resolve("home").toString()), "",
                args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();

        String html = Files.readString(work.resolve("report.html"));
        assertThat(html).doesNotContain("<script", "<b>A kernel", "<em>", "http:", "https:", "<link", "src=");
        assertThat(html).contains("Robert&#39;); &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co",
                "&lt;em&gt;VM&lt;/em&gt;", "option 3", "nobody picked this distractor");
        assertThat(Files.readString(work.resolve("report.md"))).contains("# Class report: Containers lab, week 2",
                "24 students", "| legacy/old-question | single | 24 |");

        Path chromium = chromium().orElse(null);
        assumeTrue(chromium != null, "no chromium on PATH or at /usr/bin/chromium: the screenshot check is skipped");
        Path png = work.resolve("report.png");
        screenshot(chromium, work.resolve("report.html"), png);

        assertThat(png).exists();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG that ImageIO decodes").isNotNull();
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        Set<Integer> colours = new HashSet<>();
        int blue = 0;
        int blueTop = HEIGHT;
        int nonWhiteInCharts = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (near(rgb, BLUE)) {
                    blue++;
                    blueTop = Math.min(blueTop, y);
                }
                // The histogram: below the heading and summary cards, inside the page's white column.
                if (x > 140 && x < 1060 && y > 280 && y < 620 && rgb != 0xffffff) nonWhiteInCharts++;
            }
        }
        assertThat(colours.size()).as("distinct colours").isGreaterThan(20);
        assertThat(nonWhiteInCharts).as("non-white pixels in the chart area").isGreaterThan(20_000);
        assertThat(blue).as("pixels of histogram and difficulty bars").isGreaterThan(5_000);
        assertThat(blueTop).as("the first chart starts near the top").isLessThan(700);
        Path keep = Launcher.root().resolve("target/e2e/class-report.png");
        Files.createDirectories(keep.getParent());
        Files.copy(png, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean near(int rgb, int colour) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xff) - ((colour >> shift) & 0xff)) > 6) return false;
        }
        return true;
    }

    private void screenshot(Path chromium, Path html, Path png) throws Exception {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        List<String> command = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--screenshot=" + png,
                "--window-size=" + WIDTH + "," + HEIGHT, html.toUri().toString());
        Path log = work.resolve("chromium.log");
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + Files.readString(log));
        }
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
    }

    /** {@code chromium}, {@code chromium-browser} or {@code google-chrome} on the PATH, else {@code /usr/bin/chromium}. */
    static Optional<Path> chromium() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            if (dir.isBlank()) continue;
            candidates.add(Path.of(dir, "chromium"));
            candidates.add(Path.of(dir, "chromium-browser"));
            candidates.add(Path.of(dir, "google-chrome"));
        }
        candidates.add(Path.of("/usr/bin/chromium"));
        return candidates.stream().filter(Files::isRegularFile).filter(Files::isExecutable).findFirst();
    }

    private static Path writeBank(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("containers-lab.yaml"), """
                id: containers-lab
                title: Containers lab
                summary: Processes on the host kernel, isolated & limited.
                sources: [namespaces(7)]
                questions:
                  - id: shared-kernel
                    type: single
                    prompt: "Which kernel runs a container's processes? <script>alert(1)</script> & \\"quotes\\""
                    options:
                      - text: "The host's kernel & no other"
                        correct: true
                      - text: "<b>A kernel packed in the image</b>"
                        misconception: own-kernel
                      - text: "A kernel the runtime boots in a VM"
                        misconception: lightweight-vm
                      - text: "No kernel at all"
                        misconception: own-kernel
                    explanation: The host kernel runs them all.
                  - id: building-blocks
                    type: multiple
                    prompt: Which kernel features do container runtimes combine?
                    options:
                      - { text: namespaces, correct: true }
                      - { text: cgroups, correct: true }
                      - text: a hypervisor
                        misconception: lightweight-vm
                      - text: FUSE
                        misconception: own-kernel
                    explanation: Namespaces limit what a process sees; cgroups what it uses.
                  - id: vm-statement
                    type: truefalse
                    prompt: A container is a lightweight virtual machine.
                    answer: false
                    misconception: lightweight-vm
                    explanation: A VM has its own kernel; a container does not.
                  - id: what-is-it
                    type: text
                    prompt: From the kernel's point of view, what is a container?
                    answers: [processes, a group of processes]
                    explanation: The kernel sees ordinary processes.
                """);
        Files.writeString(dir.resolve("misconceptions.yaml"), """
                misconceptions:
                  - id: lightweight-vm
                    claim: "A container is a \\"lightweight\\" <em>VM</em> & boots fast."
                    seems_right: Both isolate software.
                    correction: A container is a group of host processes.
                    concepts: [containers-lab]
                    sources: [namespaces(7)]
                  - id: own-kernel
                    claim: A container carries its own kernel.
                    seems_right: Images hold a whole distribution.
                    correction: The host kernel runs every container.
                    concepts: [containers-lab]
                    sources: [namespaces(7)]
                """);
        return dir;
    }

    /** Student {@code i} of 24: stronger as {@code i} grows, with a few answers against the trend. */
    private static String result(String student, int i) {
        List<String> questions = new ArrayList<>();
        double[] sum = new double[2];
        boolean skRight = i >= 8;
        int skPick = skRight ? 0 : i % 2 == 0 ? 1 : 2;
        boolean skAnswered = i != 3;
        questions.add(choice("containers-lab/shared-kernel", "single", skAnswered, skAnswered ? List.of(skPick) : List.of(),
                4, skAnswered && skRight ? 1 : 0, 2, skAnswered && !skRight ? (skPick == 1 ? "own-kernel" : "lightweight-vm") : null, sum));
        List<Integer> bbPicks = i >= 12 ? List.of(0, 1) : i >= 6 ? List.of(0) : List.of(0, 2);
        double bbScore = i >= 12 ? 1 : i >= 6 ? 0.5 : 0;
        questions.add(choice("containers-lab/building-blocks", "multiple", true, bbPicks, 4, bbScore, 2,
                i < 6 ? "lightweight-vm" : null, sum));
        boolean vmRight = i % 3 != 0;
        questions.add(plain("containers-lab/vm-statement", "truefalse", vmRight ? 1 : 0, vmRight ? null : "lightweight-vm", sum));
        questions.add(plain("containers-lab/what-is-it", "text", i >= 16 || i == 2 ? 1 : 0, null, sum));
        int oldPick = i % 3;
        questions.add(choice("legacy/old-question", "single", true, List.of(oldPick), 3, oldPick == 0 ? 1 : 0, 1, null, sum));
        double share = Math.round(sum[0] / sum[1] * 10000) / 10000.0;
        return """
                {
                  "assignment": "containers-lab-2",
                  "title": "Containers lab, week 2",
                  "student": %s,
                  "feedback": "misconceptions",
                  "questions": [
                %s
                  ],
                  "concepts": [],
                  "total": {"earned": %s, "points": %s, "share": %s, "passMark": 0.6},
                  "gates": [],
                  "passed": %s
                }
                """.formatted(JsonMapper.shared().writeValueAsString(student), String.join(",\n", questions),
                sum[0], sum[1], share, share >= 0.6);
    }

    private static String choice(String id, String type, boolean answered, List<Integer> picks, int options,
                                 double score, double points, String misconception, double[] sum) {
        sum[0] += score * points;
        sum[1] += points;
        return """
                    {"id": "%s", "concept": "%s", "type": "%s", "line": %d, "answered": %s, "response": "x", \
                "picks": %s, "options": %d, "score": %s, "points": %s, "earned": %s, "misconceptions": [%s]}"""
                .formatted(id, id.substring(0, id.indexOf('/')), type, answered ? 7 : 0, answered, picks, options,
                        score, points, score * points, misconception == null ? "" : "\"" + misconception + "\"");
    }

    private static String plain(String id, String type, double score, String misconception, double[] sum) {
        sum[0] += score;
        sum[1] += 1;
        return """
                    {"id": "%s", "concept": "%s", "type": "%s", "line": 9, "answered": true, "response": "x", \
                "score": %s, "points": 1.0, "earned": %s, "misconceptions": [%s]}"""
                .formatted(id, id.substring(0, id.indexOf('/')), type, score, score,
                        misconception == null ? "" : "\"" + misconception + "\"");
    }
}
