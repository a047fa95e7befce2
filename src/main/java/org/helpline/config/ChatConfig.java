package org.helpline.config;

import java.time.Duration;
import java.util.List;

/**
 * The callers' web chat ({@code /chat/} and its socket {@code /chat/ws}).
 *
 * @param allowedOrigins     pages allowed to open the caller socket besides {@code http.publicUrl} (where the chat page lives)
 * @param embedOrigins       sites allowed to show the chat page in a frame (CSP frame-ancestors); none: only this server's own pages
 * @param reconnectWindow    a dropped or reloaded chat can be resumed this long; then the caller counts as gone and the
 *                           transcript is deleted (also this long after a conversation ends)
 * @param maxMessageBytes    the largest message a caller may send; also the most UTF-8 bytes of text in one chat message either way
 * @param maxMessages        messages one conversation may hold, both sides together
 * @param maxWaiting         chats waiting for an operator at once; a caller beyond this is told the chat is busy and
 *                           given the phone numbers, so that a flood of anonymous chats cannot bury calls and real chats
 * @param rateLimit          messages per caller connection
 * @param quickExitUrl       the neutral page that quick exit puts in place of the chat
 * @param averageChatTime    how long a chat usually takes, for the wait shown to waiting callers
 * @param sweepInterval      how often reconnect windows, queue positions and transcript lifetimes are checked
 * @param heartbeat          how often the server pings each caller's connection; one that has not answered two
 *                           pings in a row (a dead network, or a client that does not read) is closed and may resume
 * @param perSource          limits per source address, so that one client cannot fill the queue for everybody
 * @param trustedProxies     addresses of the reverse proxies in front of the server: only from them is
 *                           {@code X-Forwarded-For} believed, to find a caller's source address
 */
public record ChatConfig(List<String> allowedOrigins, List<String> embedOrigins, Duration reconnectWindow,
                         Integer maxMessageBytes, Integer maxMessages, Integer maxWaiting, RateLimitConfig rateLimit, String quickExitUrl,
                         Duration averageChatTime, Duration sweepInterval, Duration heartbeat, PerSourceConfig perSource,
                         List<String> trustedProxies) {
    /** Past this a socket message is refused by Vert.x itself (see WebServerVerticle). */
    private static final int LARGEST_MESSAGE = 64 * 1024;
    private static final String ORIGIN = "https?://[a-zA-Z0-9.-]+(:[0-9]{1,5})?";

    public ChatConfig {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        embedOrigins = embedOrigins == null ? List.of() : List.copyOf(embedOrigins);
        reconnectWindow = reconnectWindow == null ? Duration.ofMinutes(2) : reconnectWindow;
        maxMessageBytes = maxMessageBytes == null ? 2048 : maxMessageBytes;
        maxMessages = maxMessages == null ? 1000 : maxMessages;
        maxWaiting = maxWaiting == null ? 100 : maxWaiting;
        rateLimit = rateLimit == null ? new RateLimitConfig(null, null) : rateLimit;
        quickExitUrl = quickExitUrl == null ? "https://www.google.com/" : quickExitUrl;
        averageChatTime = averageChatTime == null ? Duration.ofMinutes(15) : averageChatTime;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(1) : sweepInterval;
        heartbeat = heartbeat == null ? Duration.ofSeconds(20) : heartbeat;
        perSource = perSource == null ? new PerSourceConfig(null, null, null) : perSource;
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    public static ChatConfig defaults() {
        return new ChatConfig(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    void validate() {
        allowedOrigins.forEach(o -> Check.that(o != null && o.matches(ORIGIN), "chat.allowedOrigins",
                "'" + o + "' must be a scheme and host such as https://www.example.org"));
        embedOrigins.forEach(o -> Check.that(o != null && o.matches(ORIGIN), "chat.embedOrigins",
                "'" + o + "' must be a scheme and host such as https://www.example.org"));
        Check.positive(reconnectWindow, "chat.reconnectWindow");
        Check.that(maxMessageBytes >= 256 && maxMessageBytes <= LARGEST_MESSAGE, "chat.maxMessageBytes",
                "must be between 256 and " + LARGEST_MESSAGE);
        Check.that(maxMessages >= 10, "chat.maxMessages", "must be at least 10");
        Check.that(maxWaiting >= 1, "chat.maxWaiting", "must be at least 1");
        rateLimit.validate();
        Check.that(quickExitUrl.matches("https?://[^\\s\"'<>]+"), "chat.quickExitUrl",
                "must be an http or https address such as https://www.google.com/");
        Check.positive(averageChatTime, "chat.averageChatTime");
        Check.positive(sweepInterval, "chat.sweepInterval");
        Check.positive(heartbeat, "chat.heartbeat");
        perSource.validate();
        trustedProxies.forEach(p -> Check.that(p != null && p.matches("[0-9a-fA-F.:]+"), "chat.trustedProxies",
                "'" + p + "' must be an IP address such as 127.0.0.1"));
    }

    /**
     * @param maxWaiting chats from one source address waiting at once
     * @param maxStarts  chats one source address may start within {@code window}
     * @param window     the time {@code maxStarts} counts over
     */
    public record PerSourceConfig(Integer maxWaiting, Integer maxStarts, Duration window) {
        public PerSourceConfig {
            maxWaiting = maxWaiting == null ? 3 : maxWaiting;
            maxStarts = maxStarts == null ? 10 : maxStarts;
            window = window == null ? Duration.ofMinutes(10) : window;
        }

        void validate() {
            Check.that(maxWaiting >= 1, "chat.perSource.maxWaiting", "must be at least 1");
            Check.that(maxStarts >= 1, "chat.perSource.maxStarts", "must be at least 1");
            Check.positive(window, "chat.perSource.window");
        }
    }

    /**
     * @param burst     messages a caller may send at once
     * @param perSecond sustained messages per second
     */
    public record RateLimitConfig(Integer burst, Integer perSecond) {
        public RateLimitConfig {
            burst = burst == null ? 10 : burst;
            perSecond = perSecond == null ? 3 : perSecond;
        }

        void validate() {
            Check.that(burst >= 1, "chat.rateLimit.burst", "must be at least 1");
            Check.that(perSecond >= 1, "chat.rateLimit.perSecond", "must be at least 1");
        }
    }
}
