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
 * follows {@link AnkiNoteImport}. Files over {@value #MAX_BYTES} bytes are refused.
 */
public final class AnkiTextReader implements DeckReader {
    /** The largest text file read: 64 MiB, some hundred thousand notes. */
    static final int MAX_BYTES = 64 << 20;

    @Override
    public Deck read(Path file, ImportOptions options) {
        AnkiTextFile text = AnkiTextFile.parse(file.toString(), InputFile.read(file, MAX_BYTES, "an Anki text file"));
        List<Loss> losses = new ArrayList<>();
        String name = file.getFileName() == null ? "anki" : file.getFileName().toString();
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        AnkiNoteImport notes = new AnkiNoteImport(file.toString(), stem, options, losses);
        if (options.withHistory()) {
            losses.add(Loss.part(file.toString(), "review history: a text file has none (export a package with "
                    + "scheduling information for it)"));
        }
        boolean html = text.html != null ? text.html
                : text.rows.stream().anyMatch(r -> r.fields().stream().anyMatch(Html::looksLikeHtml));
        Set<Integer> meta = new HashSet<>(List.of(text.guidColumn, text.noteTypeColumn, text.deckColumn, text.tagsColumn));
        for (AnkiTextFile.Row row : text.rows) {
            String where = file + ":" + row.line();
            List<String> fields = new ArrayList<>();
            for (int c = 1; c <= row.fields().size(); c++) if (!meta.contains(c)) fields.add(row.fields().get(c - 1));
            String noteType = text.noteTypeColumn > 0 ? cell(row, text.noteTypeColumn) : text.noteType;
            if (noteType == null || noteType.isBlank()) noteType = "Basic";
            boolean cloze = noteType.toLowerCase(Locale.ROOT).contains("cloze");
            if (AnkiModel.named(noteType) == null) firstFieldByName(text, meta, fields, cloze ? "text" : "front");
            List<String> tags = new ArrayList<>(text.tags);
            if (text.tagsColumn > 0) {
                for (String t : cell(row, text.tagsColumn).strip().split("[ \\t\\n]+")) if (!t.isEmpty()) tags.add(t);
            }
            String deck = text.deckColumn > 0 ? cell(row, text.deckColumn) : text.deck;
            if (fields.stream().allMatch(String::isBlank)) {
                losses.add(Loss.item(where, "the line has no field"));
                continue;
            }
            notes.add(new AnkiNoteImport.Note(where, text.guidColumn > 0 ? cell(row, text.guidColumn).strip() : null,
                    noteType.strip(), cloze, fields, html, deck, tags));
        }
        return notes.deck(List.of());
    }

    private static String cell(AnkiTextFile.Row row, int column) {
        return column <= row.fields().size() ? row.fields().get(column - 1) : "";
    }

    /** Moves the field whose {@code #columns} label is {@code label} (case aside) to the front. */
    private static void firstFieldByName(AnkiTextFile text, Set<Integer> meta, List<String> fields, String label) {
        int index = 0;
        for (int c = 1; c <= text.columns.size(); c++) {
            if (meta.contains(c)) continue;
            if (text.columns.get(c - 1).strip().toLowerCase(Locale.ROOT).equals(label)) {
                if (index > 0 && index < fields.size()) fields.add(0, fields.remove(index));
                return;
            }
            index++;
        }
    }
}
