package org.quizcard.exchange.moodle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Bank;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.BankLoader;
import org.quizcard.bank.ContentHash;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Question;
import org.quizcard.exchange.Catalogue;
import org.quizcard.exchange.Deck;
import org.quizcard.exchange.ImportOptions;
import org.w3c.dom.Element;

/**
 * The Moodle XML export: the demo bank's output held byte for byte, the structure Moodle's
 * format reference gives (src/test/resources/moodle/quiz.xsd, checked by the JDK's validator),
 * embedded answers as Moodle's own grammar reads them, and text with every character Moodle or
 * XML treats specially carried exactly.
 */
class MoodleWriterTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/exchange/demo.moodle.xml");
    private static final boolean UPDATE = Boolean.getBoolean("quizcard.golden.update");

    @TempDir
    Path dir;

    private Path export(Bank bank) throws Exception {
        Path out = dir.resolve("out-" + System.nanoTime() + ".xml");
        new MoodleWriter().write(bank, out);
        return out;
    }

    @Test
    void theDemoBanksExportIsTheGoldenFile() throws Exception {
        String xml = Files.readString(export(Fixtures.demo()));
        if (UPDATE) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, xml);
        }
        assertThat(xml).as("rerun with -Dquizcard.golden.update=true after an intended change")
                .isEqualTo(Files.readString(GOLDEN));
    }

    @Test
    void theExportHasTheStructureOfMoodleXml() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(MoodleWriterTest.class.getResource("/moodle/quiz.xsd"));
        for (Bank bank : List.of(Fixtures.demo(), BankLoader.load(BankFile.shipped()).orThrow(), special())) {
            Path out = export(bank);
            schema.newValidator().validate(new StreamSource(out.toFile()));
        }
    }

    @Test
    void fractionsAreMoodlesOwnForEachChoiceType() throws Exception {
        Element quiz = MoodleXml.parse(export(Fixtures.demo())).getDocumentElement();
        List<String> multiple = new ArrayList<>();
        List<String> trueFalse = new ArrayList<>();
        for (Element q : MoodleXml.children(quiz, "question")) {
            String name = MoodleXml.text(q, "name");
            for (Element a : MoodleXml.children(q, "answer")) {
                if ("building-blocks".equals(name)) multiple.add(a.getAttribute("fraction"));
                if ("vm-statement".equals(name)) trueFalse.add(MoodleXml.text(a, "text") + "=" + a.getAttribute("fraction"));
            }
        }
        // two right of four: each right pick half the marks, each wrong pick takes half back
        assertThat(multiple).containsExactly("50", "50", "-50", "-50");
        assertThat(trueFalse).containsExactly("true=0", "false=100");
        assertThat(MoodleWriter.fraction(Choices.share(3, true))).isEqualTo("33.3333333");
        assertThat(MoodleWriter.fraction(Choices.share(3, false))).isEqualTo("-33.3333333");
    }

    /**
     * An embedded answer as Moodle's multianswer question type finds it: {@code {N:TYPE:...}}
     * with alternatives split at a {@code ~}, {@code #} or {@code }} that no backslash (nor, for
     * {@code #}, an {@code &}) precedes; written here from Moodle's documented grammar.
     */
    private static final String ALTERNATIVE = "(?:=|%-?[0-9]+%)?.+?(?<!\\\\|&)(?=[~#}]|$)(?:#.*?(?<!\\\\)(?=[~}]|$))?";
    private static final Pattern MOODLE_BLANK = Pattern.compile(
            "\\{([0-9]*):(SHORTANSWER|SA|MW):(" + ALTERNATIVE + "(?:~" + ALTERNATIVE + ")*)\\}", Pattern.DOTALL);
    private static final Pattern MOODLE_ALTERNATIVE = Pattern.compile(
            "~?(=|%(-?[0-9]+)%)?(.+?(?<!\\\\|&))(?=[~#}]|$)(#(.*?(?<!\\\\))(?=[~}]|$))?", Pattern.DOTALL);

    @Test
    void embeddedAnswersReadByMoodlesGrammarAreTheBanksAnswers() throws Exception {
        for (Bank bank : List.of(Fixtures.demo(), BankLoader.load(BankFile.shipped()).orThrow(), special())) {
            Element quiz = MoodleXml.parse(export(bank)).getDocumentElement();
            for (Element q : MoodleXml.children(quiz, "question")) {
                if (!q.getAttribute("type").equals("cloze")) continue;
                Question.Cloze z = (Question.Cloze) bank.questions()
                        .filter(b -> b.id().equals(MoodleXml.text(q, "name"))).findFirst().orElseThrow();
                Matcher blank = MOODLE_BLANK.matcher(MoodleXml.text(q, "questiontext"));
                for (Question.Blank expected : z.blanks()) {
                    assertThat(blank.find()).as(z.ref()).isTrue();
                    List<String> right = new ArrayList<>();
                    List<String> wrong = new ArrayList<>();
                    Matcher alt = MOODLE_ALTERNATIVE.matcher(blank.group(3));
                    while (alt.find()) {
                        // Moodle decodes character references, then \} and \#; a short answer's \* is a literal star
                        String answer = Parser.unescapeEntities(alt.group(3), false).replace("\\}", "}").replace("\\#", "#")
                                .replace("\\*", "*");
                        ("=".equals(alt.group(1)) ? right : wrong).add(answer);
                    }
                    assertThat(right).as(z.ref()).isEqualTo(expected.answers());
                    assertThat(wrong).as(z.ref()).isEqualTo(expected.wrong().stream().map(Question.WrongAnswer::answer).toList());
                }
                assertThat(blank.find()).as(z.ref() + ": no more blanks than the bank's").isFalse();
            }
        }
    }

    @Test
    void textWithEveryCharacterMoodleOrXmlTreatsSpeciallyComesBackExactly() throws Exception {
        Bank bank = special();
        Path out = export(bank);
        Deck deck = new MoodleReader().read(out, new ImportOptions(new Catalogue(bank.misconceptions()), null, false));
        assertThat(deck.losses()).isEmpty();
        List<Question> back = deck.concepts().get(0).questions();
        List<Question> original = bank.concepts().get(0).questions();
        assertThat(back).hasSameSizeAs(original);
        for (int i = 0; i < original.size(); i++) {
            assertThat(ContentHash.of(back.get(i))).as(original.get(i).ref()).isEqualTo(ContentHash.of(original.get(i)));
            assertThat(back.get(i).common().hint()).isEqualTo(original.get(i).common().hint());
        }
    }

    /** A bank whose text holds markup, entities, CDATA ends, Moodle's escapes and wildcards, and spacing. */
    static Bank special() {
        String nasty = "a <b>&amp; ]]> {1:SA:=x} ~ # } \\\\ * \\\"quoted\\\" &#126;";
        String yaml = """
                id: tricky
                title: "Tricky / text"
                summary: "Summary with <tags> & ]]> in it"
                sources: ["man 7 x <y>"]
                questions:
                  - id: choice
                    type: single
                    prompt: "%1$s"
                    hint: "Line one\\n  indented  twice\\n\\nafter a blank line"
                    options:
                      - { text: "%1$s", correct: true, explanation: "Right, <really>." }
                      - { text: "x < y & y > z", misconception: tricky-claim, explanation: "Two\\nlines ~ # }" }
                    explanation: "Because  of   spacing."
                  - id: typed
                    type: text
                    prompt: "Type it"
                    answers: ["a*b", "c\\\\*d", "<e>", "f ~ g"]
                    wrong:
                      - { answer: "h#i}", misconception: tricky-claim }
                    explanation: "x"
                  - id: gaps
                    type: cloze
                    prompt: "First line\\n\\nsecond {paragraph}"
                    text: "A ___ and { a ___ } and ___."
                    blanks:
                      - answers: ["}#~\\\\", "&lt;", "a*b"]
                        wrong:
                          - { answer: "<x>", misconception: tricky-claim }
                      - answers: ["two words", "\\"q\\""]
                      - answers: ["&#92;"]
                    explanation: "x"
                  - id: card
                    type: flashcard
                    prompt: "Front & <back>"
                    back: "Back\\n\\nwith paragraphs & {braces}"
                """.formatted(nasty);
        String catalogue = """
                misconceptions:
                  - id: tricky-claim
                    claim: "A claim with \\"quotes\\", <tags> & ~ # }"
                    seems_right: "x"
                    correction: "What is true, with \\\\ and {1:SA:=y}."
                    concepts: [tricky]
                    sources: []
                """;
        return Fixtures.load("tricky.yaml", yaml, "misconceptions.yaml", catalogue).orThrow();
    }
}
