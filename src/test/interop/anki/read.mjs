// Reads an Anki package with anki-reader and prints, as JSON, what it found: each deck with its
// cards (note, note type, fields by name, the card's rendered question) and the note types.
// Usage: node read.mjs FILE.apkg
import { readFile } from 'node:fs/promises';
import { readAnkiPackage } from 'anki-reader';

const bytes = await readFile(process.argv[2]);
const { collection } = await readAnkiPackage(new Blob([bytes]));
const decks = Object.values(collection.getDecks()).map(deck => ({
  id: deck.getId(),
  name: deck.getName(),
  description: deck.getDescription(),
  cards: Object.values(deck.getCards()).map(card => ({
    note: card.getNoteId(),
    noteType: card.getModel().getName(),
    fields: card.getFields(),
    question: card.getQuestions().map(q => q.getQuestionString())[0] ?? null
  }))
}));
const noteTypes = Object.values(collection.getModels()).map(m => ({
  name: m.getName(),
  type: m.getType(),
  fields: m.getFields().map(f => f.name)
}));
process.stdout.write(JSON.stringify({ version: collection.getVersion(), decks, noteTypes }, null, 1) + '\n');
