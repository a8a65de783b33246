package org.quizcard.exchange.anki;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.quizcard.InputFile;
import org.quizcard.exchange.Deck;
import org.quizcard.exchange.DeckReader;
import org.quizcard.exchange.Html;
import org.quizcard.exchange.ImportOptions;
import org.quizcard.exchange.Loss;

/**
 * Anki's plain-text notes ("Notes in Plain Text", or any tab- or comma-separated file Anki would
 * import) as questions, with every header Anki writes or reads: {@code #separator}, {@code #html},
 * {@code #tags}, {@code #columns}, {@code #notetype} and {@code #deck} (for every note, or
 * {@code #notetype column}, {@code #deck column}), {@code #guid column} and {@code #tags column}.
 * The columns left are the note's fields, in order (by {@code #columns} name where it names the
 * first field, Front or Text). Without {@code #html}, the fields are HTML when any of them looks
 * like HTML, as Anki guesses. A note type named like a cloze type makes cloze questions; the rest
 * follows {@link AnkiNoteImport}, as for a package. Files over {@value #MAX_BYTES} bytes are refused.
 */
public final class AnkiTextReader implements DeckReader {
    /** The largest text file read: 64 MiB, some hundred thousand notes. */
    static final int MAX_BYTES = 64 << 20;

    @Override
    public Deck read(Path file, ImportOptions options) {
        AnkiTextFile text = AnkiTextFile.parse(file.toString(), InputFile.read(file, MAX_BYTES, "an Anki text file"));
        String name = file.getFileName() == null ? "anki" : file.getFileName().toString();
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        AnkiNoteImport notes = new AnkiNoteImport(file.toString(), stem, options);
        if (options.withHistory()) {
            notes.losses().add(Loss.part(file.toString(), "review history: a text file has none (export a package "
                    + "with scheduling information for it)"));
        }
        boolean html = text.html != null ? text.html
                : text.rows.stream().anyMatch(r -> r.fields().stream().anyMatch(Html::looksLikeHtml));
        Set<Integer> meta = new HashSet<>(List.of(text.guidColumn, text.noteTypeColumn, text.deckColumn, text.tagsColumn));
        for (AnkiTextFile.Row row : text.rows) {
            String where = file + ":" + row.line();
            List<String> fields = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int c = 1; c <= row.fields().size(); c++) {
                if (meta.contains(c)) continue;
                fields.add(row.fields().get(c - 1));
                names.add(c <= text.columns.size() ? text.columns.get(c - 1).strip() : "");
            }
            String noteType = text.noteTypeColumn > 0 ? cell(row, text.noteTypeColumn) : text.noteType;
            if (noteType == null || noteType.isBlank()) noteType = "Basic";
            boolean cloze = noteType.toLowerCase(Locale.ROOT).contains("cloze");
            if (AnkiModel.named(noteType.strip()) == null) firstFieldByName(names, fields, cloze ? "text" : "front");
            List<String> tags = new ArrayList<>(text.tags);
            if (text.tagsColumn > 0) tags.addAll(List.of(cell(row, text.tagsColumn).strip().split("[ \\t\\n]+")));
            String deck = text.deckColumn > 0 ? cell(row, text.deckColumn) : text.deck;
            if (fields.stream().allMatch(String::isBlank)) {
                notes.losses().add(Loss.item(where, "the line has no field"));
                continue;
            }
            notes.add(new AnkiNote(where, text.guidColumn > 0 ? cell(row, text.guidColumn).strip() : null,
                    noteType.strip(), cloze, names, fields, html, deck, null, tags));
        }
        return notes.deck(List.of());
    }

    private static String cell(AnkiTextFile.Row row, int column) {
        return column <= row.fields().size() ? row.fields().get(column - 1) : "";
    }

    /** Moves the field named {@code label} (case aside, as {@code #columns} names it) to the front. */
    private static void firstFieldByName(List<String> names, List<String> fields, String label) {
        for (int i = 1; i < names.size(); i++) {
            if (names.get(i).toLowerCase(Locale.ROOT).equals(label)) {
                fields.add(0, fields.remove(i));
                names.add(0, names.remove(i));
                return;
            }
        }
    }
}
