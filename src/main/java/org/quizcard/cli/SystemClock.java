package org.quizcard.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock in the default time zone, with the zone looked up on a background thread. The
 * JDK's first look-up reads its time-zone database (several milliseconds of a cold start, more
 * when the cores are busy), and a command needs the zone only after parsing its arguments and
 * reading its banks (docs/performance.md). Reading the time never waits; the zone waits for the
 * look-up at most once.
 */
final class SystemClock extends Clock {
    private final Lookup lookup;

    private SystemClock(Lookup lookup) {
        this.lookup = lookup;
    }

    /** Starts looking the default zone up and returns the clock at once. */
    static Clock start() {
        Lookup lookup = new Lookup();
        Thread thread = new Thread(lookup, "quizcard-zone-lookup");
        thread.setDaemon(true);
        thread.start();
        return new SystemClock(lookup);
    }

    @Override
    public ZoneId getZone() {
        return lookup.zone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.system(zone);
    }

    @Override
    public Instant instant() {
        return Instant.now();
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }

    /** The look-up; a failed one is done again by whoever asks, so its error surfaces there. */
    private static final class Lookup implements Runnable {
        private ZoneId zone;
        private boolean done;

        @Override
        public void run() {
            ZoneId found = null;
            try {
                found = ZoneId.systemDefault();
            } finally {
                synchronized (this) {
                    zone = found;
                    done = true;
                    notifyAll();
                }
            }
        }

        synchronized ZoneId zone() {
            boolean interrupted = false;
            while (!done) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            if (zone == null) zone = ZoneId.systemDefault();
            return zone;
        }
    }
}
