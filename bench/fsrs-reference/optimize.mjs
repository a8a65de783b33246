// fsrs-rs's optimizer and evaluation (through its Node binding) on a review log, beside quizcard's
// weights, in one run: the reference for quizcard's FSRS-6 optimizer (org.quizcard.srs.fit).
//
//   node optimize.mjs LOG.csv [--day-start H] [--weights w0,...,w20]
//
// LOG.csv is `card,reviewed_at,rating` (bench/gen-reviews.py csv) or
// `card_id,review_rating,review_time,review_duration` (src/test/resources/fsrs/shared-review-log.csv).
// Study days start at H (default 4) o'clock UTC. Items are built as fsrs-rs builds them: per card, reviews in
// time order, elapsed study days between them, one item per review on a later study day than the previous
// one, with every earlier review (same-day ones included) as its history; items in review-time order.
// Prints log loss and RMSE(bins) by fsrs-rs's evaluation for the defaults, fsrs-rs's fitted weights and the
// weights passed with --weights (quizcard's, from bench/Optimize.java).
import { readFileSync } from 'node:fs'
import {
  FSRSBinding,
  FSRSBindingItem,
  FSRSBindingReview,
  computeParameters,
} from '@open-spaced-repetition/binding'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : fallback
}
const file = args[0]
if (!file || file.startsWith('--')) {
  console.error('usage: node optimize.mjs LOG.csv [--day-start H] [--weights w0,...,w20]')
  process.exit(2)
}
const dayStart = Number(option('--day-start', '4'))
const ours = option('--weights', null)

const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0)
const shared = lines[0].startsWith('card_id,')
const cards = new Map()
for (const line of lines.slice(1)) {
  const f = line.split(',')
  const [card, time, rating] = shared ? [f[0], f[2], f[1]] : [f[0], f[1], f[2]]
  let list = cards.get(card)
  if (!list) cards.set(card, (list = []))
  list.push({ t: Date.parse(time), rating: Number(rating) })
}
const studyDay = (ms) => Math.floor((ms - dayStart * 3_600_000) / 86_400_000)
const items = []
for (const card of [...cards.keys()].sort()) {
  const list = cards.get(card).sort((a, b) => a.t - b.t)
  const history = list.map((r, i) => ({
    rating: r.rating,
    delta: i === 0 ? 0 : Math.max(0, studyDay(r.t) - studyDay(list[i - 1].t)),
  }))
  for (let i = 1; i < list.length; i++) {
    if (history[i].delta > 0) items.push({ t: list[i].t, reviews: history.slice(0, i + 1) })
  }
}
items.sort((a, b) => a.t - b.t) // stable: ties keep card order
const fsrsItems = items.map(
  (it) => new FSRSBindingItem(it.reviews.map((r) => new FSRSBindingReview(r.rating, r.delta))),
)
const reviews = lines.length - 1
console.log(`${reviews} reviews, ${cards.size} cards, ${fsrsItems.length} items`)

const started = process.hrtime.bigint()
const theirs = await computeParameters(fsrsItems, { enableShortTerm: true })
const seconds = Number(process.hrtime.bigint() - started) / 1e9
console.log(`fsrs-rs fit: ${seconds.toFixed(2)} s`)

const rows = [
  ['defaults', undefined],
  ['fsrs-rs', theirs],
]
if (ours) rows.push(['quizcard', ours.split(',').map(Number)])
console.log('| weights | log loss | RMSE(bins) |')
console.log('|---|---|---|')
for (const [name, weights] of rows) {
  const m = new FSRSBinding(weights).evaluate(fsrsItems)
  console.log(`| ${name} | ${m.logLoss.toFixed(4)} | ${m.rmseBins.toFixed(4)} |`)
}
console.log(`fsrs-rs weights: ${theirs.join(',')}`)
