// The ts-fsrs side of the replay benchmark: the same work as `quizcard replay --zone UTC
// --day-start 0 [--no-fuzz] REVIEWS.csv`, in one Node process: read card,reviewed_at,rating rows,
// put each card's reviews through ts-fsrs in order, and write card,reviewed_at,rating,state,
// stability,difficulty,due rows. Prints timings to stderr as JSON: total (read + schedule +
// write) and the scheduler alone (the f.next calls), with reviews per second.
//
// usage: node replay.mjs REVIEWS.csv [--no-fuzz] > states.csv
import { readFileSync, writeSync } from 'node:fs'
import { createEmptyCard, fsrs, State } from 'ts-fsrs'

const file = process.argv[2]
const fuzz = !process.argv.includes('--no-fuzz')
const t0 = process.hrtime.bigint()
const f = fsrs({ enable_fuzz: fuzz })
const cards = new Map()
const text = readFileSync(file, 'utf8')
const lines = text.split('\n')
let out = ['card,reviewed_at,rating,state,stability,difficulty,due\n']
let size = 0
let schedulerNs = 0n
let reviews = 0
const flush = () => { writeSync(1, out.join('')); out = []; size = 0 }
for (let i = 1; i < lines.length; i++) {
  const line = lines[i]
  if (line === '') continue
  const a = line.indexOf(',')
  const b = line.indexOf(',', a + 1)
  const id = line.substring(0, a)
  const at = new Date(line.substring(a + 1, b))
  const rating = line.charCodeAt(b + 1) - 48
  let card = cards.get(id) ?? createEmptyCard(at)
  const s = process.hrtime.bigint()
  card = f.next(card, at, rating).card
  schedulerNs += process.hrtime.bigint() - s
  cards.set(id, card)
  reviews++
  const row = `${id},${at.toISOString()},${rating},${State[card.state].toLowerCase()},${card.stability},${card.difficulty},${card.due.toISOString()}\n`
  out.push(row)
  size += row.length
  if (size > 1 << 16) flush()
}
flush()
const totalNs = process.hrtime.bigint() - t0
process.stderr.write(JSON.stringify({
  implementation: 'ts-fsrs', fuzz, reviews,
  total_ms: Number(totalNs) / 1e6,
  scheduler_ms: Number(schedulerNs) / 1e6,
  scheduler_reviews_per_s: Math.round(reviews / (Number(schedulerNs) / 1e9)),
}) + '\n')
