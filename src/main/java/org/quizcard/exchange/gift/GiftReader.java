package org.quizcard.exchange.gift;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.quizcard.InputFile;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Misconception;
import org.quizcard.bank.Position;
import org.quizcard.bank.Printable;
import org.quizcard.bank.Question;
import org.quizcard.exchange.Deck;
import org.quizcard.exchange.DeckReader;
import org.quizcard.exchange.Ids;
import org.quizcard.exchange.ImportOptions;
import org.quizcard.exchange.Loss;

/**
 * Reads a GIFT file, Moodle's plain-text question format, as Moodle reads it: questions
 * separated by blank lines, {@code //} comment lines (with Moodle's {@code [tag:name]} in them
 * giving tags), {@code $CATEGORY:} switching the concept, {@code ::title::} naming the question,
 * and one answer block in braces deciding its type ({@link GiftQuestion}).
 *
 * <p>What GIFT can say and a bank cannot (essays without feedback, descriptions, partial
 * credit) is a {@link Loss}. What Moodle itself refuses (an unclosed brace, a choice of one answer,
 * a number that is not one) fails the whole file at its line and column, as Moodle imports
 * nothing from a file with an error in it.
 */
public final class GiftReader implements DeckReader {
    /** The largest GIFT file read: far beyond any question bank typed by hand or exported. */
    static final int LIMIT = 32 * 1024 * 1024;

    @Override
    public Deck read(Path file, ImportOptions options) {
        String text = decode(InputFile.read(file, LIMIT, "a GIFT file"), file);
        return new GiftReader.Parse(file, text, options).deck();
    }

    private static String decode(byte[] bytes, Path file) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\ufeff") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw QuizcardException.badInput(file + ": not UTF-8 text; save the GIFT file as UTF-8");
        }
    }

    /** A concept being filled: its title, the ids its questions took, and its questions. */
    private record Filling(String title, Ids ids, List<Question> questions) { }

    /** One file's reading: where each line starts, the concept in force, and what was read so far. */
    static final class Parse {
        private final Path file;
        private final String text;
        private final ImportOptions options;
        private final int[] lineStarts;
        private final String fileConcept;
        private final Map<String, Filling> concepts = new LinkedHashMap<>();
        private final Map<String, Misconception> misconceptions = new LinkedHashMap<>();
        private final List<Loss> losses = new ArrayList<>();
        private String concept;
        private String conceptTitle;

        Parse(Path file, String text, ImportOptions options) {
            this.file = file;
            this.text = text;
            this.options = options;
            this.lineStarts = lineStarts(text);
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            this.fileConcept = Ids.slug(stem).isEmpty() ? "gift" : Ids.slug(stem);
            this.concept = options.concept() != null ? options.concept() : fileConcept;
            this.conceptTitle = options.concept() != null ? options.concept() : Printable.line(stem);
        }

        private static int[] lineStarts(String text) {
            IntStream afterBreaks = IntStream.range(0, text.length()).filter(i -> text.charAt(i) == '\n');
            return IntStream.concat(IntStream.of(0), afterBreaks.map(i -> i + 1)).toArray();
        }

        Deck deck() {
            GiftChars block = new GiftChars();
            List<String> comments = new ArrayList<>();
            for (int start = 0; start <= text.length(); ) {
                int end = text.indexOf('\n', start);
                if (end < 0) end = text.length();
                String l = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
                String stripped = l.strip();
                if (stripped.isEmpty()) {
                    block = flush(block, comments);
                } else if (stripped.startsWith("//")) {
                    comments.add(stripped);
                } else {
                    block.appendLine(l, start);
                }
                start = end + 1;
            }
            flush(block, comments);
            List<Concept> built = new ArrayList<>();
            String summary = "Questions imported from the GIFT file " + Printable.line(file.getFileName().toString()) + ".";
            concepts.forEach((id, c) -> built.add(new Concept(id, c.title(), summary, List.of(), c.questions(),
                    Position.ofFile(id + ".yaml"))));
            return new Deck(built, List.copyOf(misconceptions.values()), losses, List.of());
        }

        private GiftChars flush(GiftChars block, List<String> comments) {
            if (block.length() > 0) question(block, tags(comments));
            comments.clear();
            return block.length() > 0 ? new GiftChars() : block;
        }

        /** Moodle's tags in comment lines: each {@code [tag:name]}. */
        private static List<String> tags(List<String> comments) {
            List<String> tags = new ArrayList<>();
            for (String c : comments) {
                for (int at = c.indexOf("[tag:"); at >= 0; at = c.indexOf("[tag:", at + 1)) {
                    int close = c.indexOf(']', at);
                    if (close < 0) break;
                    String tag = Printable.line(c.substring(at + 5, close)).strip();
                    if (!tag.isEmpty() && !tags.contains(tag)) tags.add(tag);
                }
            }
            return tags;
        }

        private void question(GiftChars chars, List<String> tags) {
            GiftChars.Range all = chars.trim(new GiftChars.Range(0, chars.length()));
            if (chars.startsWith("$CATEGORY:", all.from())) {
                int eol = chars.find('\n', all.from(), all.to());
                if (eol < 0) eol = all.to();
                category(chars.text(all.from() + "$CATEGORY:".length(), eol).strip());
                all = chars.trim(new GiftChars.Range(eol, all.to()));
                if (all.isEmpty()) return;
            }
            GiftQuestion.Read read = new GiftQuestion(this, chars, all).read(tags);
            if (read == null) return;
            Filling into = concepts.computeIfAbsent(concept,
                    k -> new Filling(conceptTitle, new Ids(), new ArrayList<>()));
            String title = read.title();
            String id = title != null && Ids.valid(title) && into.ids().take(title) ? title
                    : into.ids().unique(title != null && !title.isBlank() ? title : read.prompt(), "question");
            Question q = read.build(concept, id);
            into.questions().add(q);
            // the deck's catalogue: what the questions kept name, so no misconception goes unprobed
            for (String m : q.probes()) options.catalogue().find(m).ifPresent(found -> misconceptions.putIfAbsent(m, found));
        }

        /** {@code $CATEGORY: a/b/c}: the concept is the last part's slug, titled by it (unless --concept). */
        private void category(String path) {
            if (options.concept() != null) return;
            String last = path.substring(path.lastIndexOf('/') + 1).strip();
            String slug = Ids.slug(last);
            concept = slug.isEmpty() ? fileConcept : slug;
            conceptTitle = last.isEmpty() ? concept : Printable.line(last);
        }

        ImportOptions options() {
            return options;
        }

        void loss(Loss loss) {
            losses.add(loss);
        }

        /** How a loss names the question starting at {@code offset}. */
        String where(int offset, String label) {
            return Printable.line(file.getFileName().toString()) + ":" + line(offset) + ": question \"" + label + "\"";
        }

        Position position(int offset) {
            return new Position(file.getFileName().toString(), line(offset), column(offset));
        }

        /** The file fails at {@code offset}: one line naming the file, line and column. */
        QuizcardException fail(int offset, String message) {
            return QuizcardException.badInput(file + ":" + line(offset) + ":" + column(offset) + ": " + message);
        }

        private int line(int offset) {
            int i = java.util.Arrays.binarySearch(lineStarts, offset);
            return (i >= 0 ? i : -i - 2) + 1;
        }

        private int column(int offset) {
            return offset - lineStarts[line(offset) - 1] + 1;
        }
    }
}
