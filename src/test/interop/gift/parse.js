// Prints the questions gift-pegjs parses from the GIFT file named by the first argument, as JSON.
// A file gift-pegjs refuses exits 1 with its message and position on standard error.
const fs = require("fs");
const { parse } = require("gift-pegjs");

const text = fs.readFileSync(process.argv[2], "utf8");
try {
  process.stdout.write(JSON.stringify(parse(text)));
} catch (e) {
  const where = e.location ? ` at line ${e.location.start.line}, column ${e.location.start.column}` : "";
  process.stderr.write(`gift-pegjs: ${e.message}${where}\n`);
  process.exit(1);
}
