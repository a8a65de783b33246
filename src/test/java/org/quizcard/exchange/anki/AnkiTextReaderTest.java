package org.quizcard.exchange.anki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Question;
import org.quizcard.exchange.Catalogue;
import org.quizcard.exchange.Deck;
import org.quizcard.exchange.ImportOptions;
import org.quizcard.exchange.Loss;

/** Anki's text files as Anki writes them, and as people write them for Anki; malformed ones are bad input at their line. */
class AnkiTextReaderTest {
    private static final ImportOptions OPTIONS = new ImportOptions(new Catalogue(Map.of()), null, false);

    @TempDir
    Path dir;

    private Deck read(String text) throws Exception {
        return read(text, OPTIONS);
    }

    private Deck read(String text, ImportOptions options) throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return new AnkiTextReader().read(file, options);
    }

    private static List<Question> questions(Deck deck) {
        return deck.concepts().stream().flatMap(c -> c.questions().stream()).toList();
    }

    @Test
    void ankisOwnNoteExportWithEveryColumn() throws Exception {
        Deck deck = read("#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n"
                + "#tags column:6\n"
                + "f(K#h@0<b\tBasic\tOS::Memory\tWhat is a <b>page</b>?\tA fixed-size block<br>of virtual memory.\tos paging\n"
                + "x1y2z3\tBasic (and reversed card)\tOS::Memory\t\"TLB, \"\"the cache\"\"\"\t\"Translation\nlookaside buffer\"\t\n"
                + "c9\tCloze\tOS::Processes\t{{c1::fork::a system call}} makes a child; {{c2::exec}} replaces it\tSee fork(2)\t\n");
        assertThat(deck.concepts()).extracting(Concept::id).containsExactly("os-memory", "os-processes");
        assertThat(deck.concepts()).extracting(Concept::title).containsExactly("Memory", "Processes");
        List<Question> qs = questions(deck);
        Question.Flashcard page = (Question.Flashcard) qs.get(0);
        assertThat(page.prompt()).isEqualTo("What is a page?");
        assertThat(page.back()).isEqualTo("A fixed-size block\nof virtual memory.");
        assertThat(page.common().tags()).containsExactly("os", "paging");
        assertThat(page.id()).isEqualTo("what-is-a-page");
        Question.Flashcard tlb = (Question.Flashcard) qs.get(1);
        assertThat(tlb.prompt()).isEqualTo("TLB, \"the cache\"");
        // a quoted field keeps its line break; the HTML reading makes it a space, as a browser shows it
        assertThat(tlb.back()).isEqualTo("Translation lookaside buffer");
        Question.Cloze fork = (Question.Cloze) qs.get(2);
        assertThat(fork.text()).isEqualTo("___ makes a child; ___ replaces it");
        assertThat(fork.blanks()).extracting(b -> b.answers()).containsExactly(List.of("fork"), List.of("exec"));
        assertThat(fork.common().hint()).isEqualTo("blank 1: a system call");
        assertThat(fork.common().explanation()).isEqualTo("See fork(2)");
        assertThat(fork.prompt()).isEqualTo(AnkiNoteReader.CLOZE_PROMPT);
        assertThat(deck.losses()).isEmpty();
    }

    @Test
    void aFileWithoutHeadersIsFrontAndBackByItsFirstLinesSeparator() throws Exception {
        Deck deck = read("capital of France;Paris\ncapital of Peru;Lima\n");
        assertThat(questions(deck)).extracting(Question::prompt).containsExactly("capital of France", "capital of Peru");
        assertThat(questions(deck)).extracting(q -> ((Question.Flashcard) q).back()).containsExactly("Paris", "Lima");
        assertThat(deck.concepts()).extracting(Concept::id).containsExactly("notes");
    }

    @Test
    void headersForEveryNoteAndSeparatorsByNameOrCharacter() throws Exception {
        Deck deck = read("tags:geo europe\n#separator:Pipe\n#html:false\n#deck:World::Capitals\n#notetype:Basic\n"
                + "#columns:Back|Front\nParis|capital of <France>\n");
        Question.Flashcard q = (Question.Flashcard) questions(deck).get(0);
        assertThat(q.prompt()).isEqualTo("capital of <France>");
        assertThat(q.back()).isEqualTo("Paris");
        assertThat(q.common().tags()).containsExactly("geo", "europe");
        assertThat(deck.concepts().get(0).id()).isEqualTo("world-capitals");
        for (String separator : List.of("Comma\n", ",\n", "comma,,\n")) {
            Deck d = read("#separator:" + separator + "front,back\n");
            assertThat(((Question.Flashcard) questions(d).get(0)).back()).isEqualTo("back");
        }
        assertThat(((Question.Flashcard) questions(read("#separator:Space\na b\n")).get(0)).back()).isEqualTo("b");
    }

    @Test
    void withoutAnHtmlHeaderFieldsAreHtmlWhenAnyLooksLikeIt() throws Exception {
        assertThat(((Question.Flashcard) questions(read("a &amp; b\t<i>c</i>\n")).get(0)).prompt()).isEqualTo("a & b");
        assertThat(((Question.Flashcard) questions(read("a &amp; b\tc\n")).get(0)).prompt()).isEqualTo("a &amp; b");
    }

    @Test
    void whatABankCannotHoldIsALossAndTheRestIsRead() throws Exception {
        Deck deck = read("#html:true\nfront <img src=\"cat.png\">\tback\n\tonly a back\nno back\t\n"
                + "#a comment between notes\n\nsecond\tone\n", new ImportOptions(new Catalogue(Map.of()), "pets", false));
        assertThat(questions(deck)).extracting(Question::prompt).containsExactly("front", "second");
        assertThat(deck.concepts()).extracting(Concept::id).containsExactly("pets");
        assertThat(deck.losses()).extracting(Loss::toString).containsExactly(
                dir.resolve("notes.txt") + ":2: image cat.png: banks hold text only",
                dir.resolve("notes.txt") + ":3: left out: nothing on the front but media or blanks",
                dir.resolve("notes.txt") + ":4: left out: nothing on the back");
    }

    @Test
    void aQuizcardQuestionWhoseSourceIsBrokenIsReadFromItsFrontAndBack() throws Exception {
        Deck deck = read("#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n"
                + "quizcard:os/pages\tquizcard Question\tOS\tWhat is a page?\tA block\t\t{\"id\": \"pages\", \"type\": 7}\n");
        Question q = questions(deck).get(0);
        assertThat(q.ref()).isEqualTo("os/pages");
        assertThat(q).isInstanceOf(Question.Flashcard.class);
        assertThat(deck.losses()).singleElement().asString().contains(":6: its Source field cannot be read");
    }

    @Test
    void aSourceNamingAMisconceptionTheCatalogueLacksKeepsTheRest() throws Exception {
        Deck deck = read("#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n"
                + "quizcard:os/vm\tquizcard Question\tA VM?\tfalse\t\t{\"id\": \"vm\", \"type\": \"truefalse\", "
                + "\"prompt\": \"A container is a VM.\", \"answer\": false, \"misconception\": \"no-such\"}\n");
        Question.TrueFalse q = (Question.TrueFalse) questions(deck).get(0);
        assertThat(q.misconception()).isNull();
        assertThat(q.prompt()).isEqualTo("A container is a VM.");
        assertThat(deck.losses()).singleElement().asString().contains("misconception no-such: not in the catalogue");
    }

    @Test
    void malformedFilesAreBadInputAtTheirLine() throws Exception {
        Path file = dir.resolve("notes.txt");
        Map<String, String> cases = Map.of(
                "#separator:Tab\n\"open\tquote\nand more\n", ":2: a quoted field opened on this line is never closed",
                "#separator:Semicolons\na;b\n", ":1: #separator: 'Semicolons' is not one Anki knows",
                "#separator:tab\n#html:maybe\na\tb\n", ":2: #html: 'maybe' is neither true nor false",
                "#guid column:zero\na\tb\n", ":1: #guid column: 'zero' is not a column number",
                "#tags column:0\na\tb\n", ":1: #tags column: '0' is not a column number");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Files.writeString(file, c.getKey());
            assertThatThrownBy(() -> new AnkiTextReader().read(file, OPTIONS)).as(c.getKey())
                    .isInstanceOf(QuizcardException.class).hasMessage(file + c.getValue() + messageTail(c.getValue()))
                    .extracting(e -> ((QuizcardException) e).exitCode()).isEqualTo(QuizcardException.BAD_INPUT);
        }
        Files.write(file, new byte[] {'a', '\t', 'b', '\n', 'c', '\t', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> new AnkiTextReader().read(file, OPTIONS)).hasMessage(file + ":2: not UTF-8 text");
    }

    private static String messageTail(String start) {
        return start.contains("Anki knows") ? " (tab, pipe, semicolon, colon, comma, space or one character)"
                : start.contains("column number") ? " (1, 2, ...)" : "";
    }

    @Test
    void aFileOverTheLimitIsRefusedInOneLine() throws Exception {
        Path file = dir.resolve("huge.txt");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(AnkiTextReader.MAX_BYTES + 1L);
        }
        assertThatThrownBy(() -> new AnkiTextReader().read(file, OPTIONS)).isInstanceOf(QuizcardException.class)
                .hasMessageStartingWith(file + ": larger than " + AnkiTextReader.MAX_BYTES + " bytes");
    }
}
