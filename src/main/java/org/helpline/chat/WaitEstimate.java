package org.helpline.chat;

import java.time.Duration;

/**
 * The wait shown to a waiting caller: every chat ahead (and this one) takes one average chat, shared by
 * the chats the operators can hold at once. Whole minutes, rounded up, at least 1. Rough on purpose: it
 * only has to set expectations.
 */
final class WaitEstimate {
    private WaitEstimate() {
    }

    static long minutes(int position, int slots, Duration averageChat) {
        if (position <= 0) {
            return 0;
        }
        long seconds = averageChat.toSeconds() * position / Math.max(1, slots);
        return Math.max(1, (seconds + 59) / 60);
    }
}
