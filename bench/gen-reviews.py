#!/usr/bin/env python3
"""Generates review histories for benchmarks, with a fixed seed.

  bench/gen-reviews.py csv OUT.csv [REVIEWS=1000000] [CARDS=20000]
      card,reviewed_at,rating rows for `quizcard replay` and bench/fsrs-reference/replay.mjs:
      cards interleaved, each card's reviews in time order, 1 to 40 days apart.
  bench/gen-reviews.py db QUIZCARD_HOME [REVIEWS=1000000] [BANK_DIR=questions]
      a progress.db filled directly with SQL, consistent with ProgressStore's schema (version 1):
      reviews of the bank's real cards over the last ~3 years up to now, a few revealing
      misconceptions, and the card cache holding each card's last state.
"""
import os
import random
import re
import sqlite3
import sys
import time
import zlib

DAY = 86_400_000


def cards_of(bank_dir):
    refs, probes = [], {}
    for name in sorted(os.listdir(bank_dir)):
        if not name.endswith(".yaml") or name == "misconceptions.yaml":
            continue
        concept = None
        qid = None
        for line in open(os.path.join(bank_dir, name), encoding="utf-8"):
            m = re.match(r"^id:\s*(\S+)", line)
            if m:
                concept = m.group(1)
            m = re.match(r"^  - id:\s*(\S+)", line)
            if m and concept:
                qid = concept + "/" + m.group(1)
                refs.append(qid)
            m = re.search(r"misconception:\s*(\S+)", line)
            if m and qid:
                probes.setdefault(qid, []).append(m.group(1))
    return refs, probes


def state(kind, s, d, reps, lapses, last, due):
    return f"{kind}|{s}|{d}|0|{max(0, (due - last) // DAY) if last else 0}|{reps}|{lapses}|{last if last else ''}|{due}"


def gen_db(home, total, bank_dir):
    os.makedirs(home, exist_ok=True)
    path = os.path.join(home, "progress.db")
    if os.path.exists(path):
        os.remove(path)
    for suffix in ("-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    refs, probes = cards_of(bank_dir)
    rnd = random.Random(7)
    db = sqlite3.connect(path)
    db.executescript("""
        PRAGMA journal_mode = WAL;
        CREATE TABLE review (
            id INTEGER PRIMARY KEY, card TEXT NOT NULL, content_hash TEXT NOT NULL,
            reviewed_at INTEGER NOT NULL, response TEXT NOT NULL, score REAL NOT NULL,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4), misconceptions TEXT NOT NULL,
            millis INTEGER NOT NULL, state_before TEXT NOT NULL, state_after TEXT NOT NULL, source TEXT NOT NULL);
        CREATE INDEX review_card ON review (card, reviewed_at);
        CREATE INDEX review_time ON review (reviewed_at);
        CREATE TABLE revealed (
            review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
            misconception TEXT NOT NULL, PRIMARY KEY (review_id, misconception));
        CREATE INDEX revealed_misconception ON revealed (misconception);
        CREATE TABLE card (card TEXT PRIMARY KEY, state TEXT NOT NULL, due INTEGER NOT NULL,
            content_hash TEXT NOT NULL, last_review_id INTEGER NOT NULL);
        CREATE INDEX card_due ON card (due);
        PRAGMA user_version = 1;
    """)
    now = int(time.time() * 1000)
    start = now - 3 * 365 * DAY
    step = (now - start) / total
    last = {}
    rows, revealed = [], []
    for i in range(total):
        rid = i + 1
        at = int(start + i * step)
        card = refs[rnd.randrange(len(refs))]
        rating = rnd.choices((1, 2, 3, 4), (15, 10, 60, 15))[0]
        prev = last.get(card)
        before = prev[1] if prev else state("new", 0.0, 0.0, 0, 0, 0, at)
        reps = (prev[2] + 1) if prev else 1
        lapses = (prev[3] + (rating == 1)) if prev else 0
        s = round(rnd.uniform(0.5, 60.0), 4)
        d = round(rnd.uniform(1.0, 10.0), 4)
        due = at + int(s * DAY)
        after = state("review" if rating > 1 else "relearning", s, d, reps, lapses, at, due)
        mis = ""
        if rating == 1 and probes.get(card) and rnd.random() < 0.5:
            mis = rnd.choice(probes[card])
            revealed.append((rid, mis))
        rows.append((rid, card, "h%08x" % zlib.crc32(card.encode()), at, '{"choice":[1]}', 1.0 if rating > 1 else 0.0,
                     rating, mis, rnd.randrange(500, 20000), before, after, "study"))
        last[card] = (rid, after, reps, lapses, due)
        if len(rows) == 50_000:
            db.executemany("INSERT INTO review VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
            rows.clear()
    db.executemany("INSERT INTO review VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    db.executemany("INSERT INTO revealed VALUES (?,?)", revealed)
    db.executemany("INSERT INTO card VALUES (?,?,?,?,?)",
                   [(c, v[1], v[4], "h%08x" % zlib.crc32(c.encode()), v[0]) for c, v in last.items()])
    db.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    print(f"wrote {total} reviews of {len(last)} cards ({len(revealed)} revelations) to {path}", file=sys.stderr)


def gen_csv(out, total, cards):
    rnd = random.Random(11)
    start = 1_600_000_000_000
    t = [start + rnd.randrange(0, 30 * DAY) for _ in range(cards)]
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("card,reviewed_at,rating\n")
        buf = []
        for i in range(total):
            c = rnd.randrange(cards)
            t[c] += rnd.randrange(DAY // 24, 40 * DAY)
            rating = rnd.choices((1, 2, 3, 4), (12, 10, 63, 15))[0]
            ms = t[c]
            iso = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ms // 1000)) + f".{ms % 1000:03d}Z"
            buf.append(f"c{c},{iso},{rating}\n")
            if len(buf) == 100_000:
                f.write("".join(buf))
                buf.clear()
        f.write("".join(buf))
    print(f"wrote {total} reviews of {cards} cards to {out}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("csv", "db"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
    if sys.argv[1] == "csv":
        gen_csv(sys.argv[2], n, int(sys.argv[4]) if len(sys.argv) > 4 else 20_000)
    else:
        gen_db(sys.argv[2], n, sys.argv[4] if len(sys.argv) > 4 else "questions")
