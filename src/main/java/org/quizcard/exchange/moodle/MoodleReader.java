package org.quizcard.exchange.moodle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads a Moodle XML question file ({@code <quiz>} of {@code <question type="...">}) into a
 * deck. Category pseudo-questions ({@code $course$/top/Containers}) open a concept each (its id
 * from the category's {@code <idnumber>} when that is a valid id, as quizcard's export writes it,
 * else from the category's last name); questions before any category, or every question when
 * {@code --concept} is given, go into one concept. Each question type becomes its quizcard type
 * ({@link MoodleQuestions}); what a bank cannot hold is a {@link Loss}.
 */
public final class MoodleReader implements DeckReader {
    @Override
    public Deck read(Path file, ImportOptions options) {
        Document doc = MoodleXml.parse(file);
        Element root = doc.getDocumentElement();
        if (!root.getTagName().equals("quiz")) {
            throw QuizcardException.badInput(file + ": not Moodle XML (the document is <"
                    + Printable.line(abbreviate(root.getTagName())) + ">, not <quiz>)");
        }
        return new Reading(file, options).read(root);
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 39) + "…";
    }

    /** A concept being filled. */
    private static final class Building {
        final String id;
        String title;
        String summary;
        List<String> sources = List.of();
        final List<Question> questions = new ArrayList<>();
        final Ids ids = new Ids();

        Building(String id, String title) {
            this.id = id;
            this.title = title;
        }
    }

    /** One file's reading. */
    private static final class Reading {
        private final Path file;
        private final ImportOptions options;
        private final Map<String, Building> concepts = new LinkedHashMap<>();
        private final Map<String, Misconception> misconceptions = new LinkedHashMap<>();
        private final List<Loss> losses = new ArrayList<>();
        private Building current;

        Reading(Path file, ImportOptions options) {
            this.file = file;
            this.options = options;
        }

        Deck read(Element root) {
            int n = 0;
            for (Element q : MoodleXml.children(root, "question")) {
                n++;
                String type = q.getAttribute("type").strip().toLowerCase(Locale.ROOT);
                if (type.equals("category")) {
                    category(q);
                    continue;
                }
                Building into = into();
                String name = MoodleText.read(MoodleXml.child(q, "name")).text();
                String where = file + ": question " + (name == null ? String.valueOf(n) : "\"" + Printable.line(abbreviate(name)) + "\"");
                MoodleQuestions reader = new MoodleQuestions(where, into.id, options.catalogue(), losses, misconceptions);
                Question read = reader.read(q, type, name, into.ids);
                if (read != null) into.questions.add(read);
            }
            List<Concept> built = new ArrayList<>();
            for (Building b : concepts.values()) {
                String summary = b.summary != null ? b.summary
                        : "Questions imported from the Moodle file " + Printable.line(file.getFileName().toString()) + ".";
                built.add(new Concept(b.id, b.title, summary, b.sources, b.questions, Position.ofFile(b.id + ".yaml")));
            }
            return new Deck(built, List.copyOf(misconceptions.values()), losses, List.of());
        }

        /** The concept the next question goes into: the forced one, the current category's, or the file's. */
        private Building into() {
            if (options.concept() != null) return concept(options.concept(), title(options.concept()));
            if (current != null) return current;
            String stem = file.getFileName().toString();
            int dot = stem.lastIndexOf('.');
            if (dot > 0) stem = stem.substring(0, dot);
            String id = Ids.slug(stem);
            current = concept(id.isEmpty() ? "moodle" : id, Printable.line(stem).strip().isEmpty() ? "Moodle" : Printable.line(stem).strip());
            return current;
        }

        private Building concept(String id, String title) {
            return concepts.computeIfAbsent(id, k -> new Building(id, title));
        }

        /** A category pseudo-question: the concept the questions after it go into. */
        private void category(Element q) {
            if (options.concept() != null) return;
            String path = MoodleXml.text(q, "category");
            String title = path == null ? null : lastName(path);
            String idnumber = MoodleXml.text(q, "idnumber");
            String id = idnumber != null && Ids.valid(idnumber.strip()) ? idnumber.strip() : Ids.slug(title);
            if (title == null || id.isEmpty()) {
                current = null;
                return;
            }
            current = concept(id, title);
            Element info = MoodleXml.child(q, "info");
            MoodleText.Read read = MoodleText.read(info);
            read.media().forEach(m -> losses.add(Loss.part(file + ": category \"" + abbreviate(title) + "\"",
                    m + ": banks hold text only")));
            MoodleText.Sourced sourced = MoodleText.sources(read.text());
            if (sourced.text() != null && current.summary == null) current.summary = sourced.text();
            if (!sourced.sources().isEmpty() && current.sources.isEmpty()) current.sources = sourced.sources();
        }

        /**
         * The name a category path ends with ({@code $course$/top/Containers}: "Containers"),
         * Moodle's {@code //} standing for a slash in a name; null for a path of contexts and
         * {@code top} only.
         */
        private static String lastName(String path) {
            List<String> names = new ArrayList<>();
            StringBuilder name = new StringBuilder();
            String p = path.strip();
            for (int i = 0; i < p.length(); i++) {
                char ch = p.charAt(i);
                if (ch == '/' && i + 1 < p.length() && p.charAt(i + 1) == '/') {
                    name.append('/');
                    i++;
                } else if (ch == '/') {
                    names.add(name.toString().strip());
                    name.setLength(0);
                } else {
                    name.append(ch);
                }
            }
            names.add(name.toString().strip());
            for (int i = names.size() - 1; i >= 0; i--) {
                String n = Printable.line(names.get(i));
                boolean context = n.startsWith("$") && n.endsWith("$");
                if (!n.isEmpty() && !context && !n.equals("top")) return n;
            }
            return null;
        }

        /** A title for a concept id given on the command line: its words, the first capitalised. */
        private static String title(String id) {
            String words = id.replace('-', ' ');
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
    }
}
