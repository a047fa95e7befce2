package org.helpline.supervision;

import java.time.Duration;

/**
 * The figures of one day for one channel (or all of them), as supervisors read them.
 *
 * @param offered             contacts that arrived
 * @param answered            contacts an operator took, each counted once (a transferred chat is not answered twice)
 * @param answeredInThreshold of those, taken within the service-level threshold
 * @param abandoned           contacts whose caller left while waiting, never answered
 * @param handled             contacts closed after a conversation (for the average handling time)
 * @param waitMillis          total waiting time of the answered contacts
 * @param handlingMillis      total time from answer to the end of wrap-up of the handled contacts
 */
record Tally(long offered, long answered, long answeredInThreshold, long abandoned, long handled, long waitMillis,
             long handlingMillis) {
    static final Tally EMPTY = new Tally(0, 0, 0, 0, 0, 0, 0);

    Tally plus(Tally other) {
        return new Tally(offered + other.offered, answered + other.answered,
                answeredInThreshold + other.answeredInThreshold, abandoned + other.abandoned, handled + other.handled,
                waitMillis + other.waitMillis, handlingMillis + other.handlingMillis);
    }

    /** This tally with one more step counted. */
    Tally with(Counted counted) {
        return switch (counted) {
            case Counted.Offered o -> offer();
            case Counted.Answered a -> answer(a.waited(), a.inThreshold());
            case Counted.Abandoned a -> abandon();
            case Counted.Handled h -> handle(h.handling());
        };
    }

    Tally offer() {
        return new Tally(offered + 1, answered, answeredInThreshold, abandoned, handled, waitMillis, handlingMillis);
    }

    Tally answer(Duration wait, boolean inThreshold) {
        return new Tally(offered, answered + 1, answeredInThreshold + (inThreshold ? 1 : 0), abandoned, handled,
                waitMillis + wait.toMillis(), handlingMillis);
    }

    Tally abandon() {
        return new Tally(offered, answered, answeredInThreshold, abandoned + 1, handled, waitMillis, handlingMillis);
    }

    Tally handle(Duration handling) {
        return new Tally(offered, answered, answeredInThreshold, abandoned, handled + 1, waitMillis,
                handlingMillis + handling.toMillis());
    }

    /** Answered within the threshold, of the contacts whose wait ended (answered or abandoned); null before any. */
    Double serviceLevel() {
        long finished = answered + abandoned;
        return finished == 0 ? null : (double) answeredInThreshold / finished;
    }

    /** Abandoned, of the contacts whose wait ended; null before any. */
    Double abandonedShare() {
        long finished = answered + abandoned;
        return finished == 0 ? null : (double) abandoned / finished;
    }

    /** Average wait of the answered contacts (the speed of answer); null before any. */
    Duration averageWait() {
        return answered == 0 ? null : Duration.ofMillis(waitMillis / answered);
    }

    /** Average time from answer to the end of wrap-up; null before any. */
    Duration averageHandling() {
        return handled == 0 ? null : Duration.ofMillis(handlingMillis / handled);
    }
}
