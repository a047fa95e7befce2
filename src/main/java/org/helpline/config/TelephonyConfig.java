package org.helpline.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.helpline.core.OpeningHours;

/**
 * @param enabled         false on a chat-only installation: no AGI server, no AMI link
 * @param openingHours    outside these hours callers hear the closed message
 * @param averageCallTime how long a call usually takes, for the wait announced to holding callers
 * @param repeatCallers   repeat-caller detection with keyed hashes of caller ids (off by default)
 * @param browserPhone    the operator console's phone over WebRTC (off unless its WebSocket address is set)
 */
public record TelephonyConfig(Boolean enabled, AgiConfig agi, AmiConfig ami, OpeningHoursConfig openingHours,
                              Duration averageCallTime, RepeatCallersConfig repeatCallers,
                              BrowserPhoneConfig browserPhone) {
    public TelephonyConfig {
        enabled = enabled == null || enabled;
        agi = agi == null ? new AgiConfig(null, null, null, null) : agi;
        ami = ami == null ? new AmiConfig(null, null, null, null, null, null, null) : ami;
        openingHours = openingHours == null ? new OpeningHoursConfig(null, null, null) : openingHours;
        averageCallTime = averageCallTime == null ? Duration.ofMinutes(6) : averageCallTime;
        repeatCallers = repeatCallers == null ? new RepeatCallersConfig(null, null, null, null, null) : repeatCallers;
        browserPhone = browserPhone == null ? new BrowserPhoneConfig(null, null, null) : browserPhone;
    }

    public static TelephonyConfig defaults() {
        return new TelephonyConfig(null, null, null, null, null, null, null);
    }

    void validate() {
        if (enabled) {
            agi.validate();
            ami.validate();
            openingHours.validate();
            Check.positive(averageCallTime, "telephony.averageCallTime");
            repeatCallers.validate();
            browserPhone.validate();
        }
    }

    /**
     * The FastAGI server the dialplan calls.
     *
     * @param maxScripts   scripts running at once; a call beyond this is refused and the dialplan falls back
     * @param replyTimeout how long a script waits for the dispatch before the dialplan falls back
     */
    public record AgiConfig(String bindAddress, Integer port, Integer maxScripts, Duration replyTimeout) {
        public AgiConfig {
            bindAddress = bindAddress == null ? "127.0.0.1" : bindAddress;
            port = port == null ? 4573 : port;
            maxScripts = maxScripts == null ? 500 : maxScripts;
            replyTimeout = replyTimeout == null ? Duration.ofSeconds(2) : replyTimeout;
        }

        void validate() {
            Check.notBlank(bindAddress, "telephony.agi.bindAddress");
            Check.port(port, "telephony.agi.port");
            Check.that(maxScripts >= 1, "telephony.agi.maxScripts", "must be at least 1");
            Check.positive(replyTimeout, "telephony.agi.replyTimeout");
        }
    }

    /**
     * The Asterisk Manager link.
     *
     * @param password     from the environment, e.g. {@code ${HELPLINE_AMI_PASSWORD:-}}
     * @param pingInterval keep-alive; a link silent for twice this long counts as dead
     * @param retryMax     the longest pause between reconnection attempts
     */
    public record AmiConfig(String host, Integer port, String username, String password, Duration pingInterval,
                            Duration retryMin, Duration retryMax) {
        public AmiConfig {
            host = host == null ? "127.0.0.1" : host;
            port = port == null ? 5038 : port;
            username = username == null ? "helpline" : username;
            password = password == null ? "" : password;
            pingInterval = pingInterval == null ? Duration.ofSeconds(10) : pingInterval;
            retryMin = retryMin == null ? Duration.ofSeconds(1) : retryMin;
            retryMax = retryMax == null ? Duration.ofSeconds(30) : retryMax;
        }

        void validate() {
            Check.notBlank(host, "telephony.ami.host");
            Check.port(port, "telephony.ami.port");
            Check.notBlank(username, "telephony.ami.username");
            Check.positive(pingInterval, "telephony.ami.pingInterval");
            Check.positive(retryMin, "telephony.ami.retryMin");
            Check.that(retryMax.compareTo(retryMin) >= 0, "telephony.ami.retryMax", "must not be shorter than retryMin");
        }
    }

    /**
     * When the phone line is staffed.
     *
     * @param zone     the helpline's time zone, e.g. Europe/Bucharest
     * @param weekly   hours per day, e.g. {@code monday: "08:00-16:00"} or {@code "08:00-12:00, 13:00-16:00"};
     *                 a day left out is closed
     * @param holidays closed dates: {@code 2026-04-13} once, or {@code 12-25} every year
     */
    public record OpeningHoursConfig(String zone, Map<String, String> weekly, List<String> holidays) {
        public OpeningHoursConfig {
            zone = zone == null ? "Europe/Bucharest" : zone;
            weekly = weekly == null ? officeWeek() : new LinkedHashMap<>(weekly);
            holidays = holidays == null ? List.of() : List.copyOf(holidays);
        }

        /** Monday to Friday, 08:00-16:00: what the closed message tells callers. */
        private static Map<String, String> officeWeek() {
            Map<String, String> week = new LinkedHashMap<>();
            List.of("monday", "tuesday", "wednesday", "thursday", "friday").forEach(day -> week.put(day, "08:00-16:00"));
            return week;
        }

        /** The hours as the core uses them; only valid after {@link #validate()}. */
        public OpeningHours hours() {
            Map<DayOfWeek, List<OpeningHours.Hours>> week = new EnumMap<>(DayOfWeek.class);
            weekly.forEach((day, text) -> week.put(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)), stretches(text)));
            Set<LocalDate> once = new HashSet<>();
            Set<MonthDay> yearly = new HashSet<>();
            for (String holiday : holidays) {
                if (holiday.length() == 5) {
                    yearly.add(MonthDay.parse("--" + holiday));
                } else {
                    once.add(LocalDate.parse(holiday));
                }
            }
            return new OpeningHours(ZoneId.of(zone), week, once, yearly);
        }

        private static List<OpeningHours.Hours> stretches(String text) {
            List<OpeningHours.Hours> hours = new ArrayList<>();
            for (String part : (text == null ? "" : text).split(",")) {
                if (!part.isBlank()) {
                    hours.add(OpeningHours.Hours.parse(part));
                }
            }
            return hours;
        }

        void validate() {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new ConfigException("telephony.openingHours.zone", "'" + zone + "' is not a time zone such as Europe/Bucharest");
            }
            weekly.forEach((day, text) -> {
                String key = "telephony.openingHours.weekly." + day;
                Check.that(isDay(day), key, "'" + day + "' is not a day such as monday");
                try {
                    stretches(text);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(key, e.getMessage());
                }
            });
            holidays.forEach(h -> Check.that(isDate(h), "telephony.openingHours.holidays",
                    "'" + h + "' is not a date such as 2026-04-13 or 12-25"));
        }

        private static boolean isDay(String day) {
            try {
                DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private static boolean isDate(String text) {
            if (text == null) {
                return false;
            }
            try {
                if (text.length() == 5) {
                    MonthDay.parse("--" + text);
                } else {
                    LocalDate.parse(text);
                }
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        }
    }

    /**
     * Repeat-caller detection: off by default. When on, the caller id is read inside the AGI request, hashed with
     * HMAC-SHA256 under {@code currentKey} and dropped; only the hash is kept, for {@code window}, and the operator
     * learns only "called before within the window: yes or no". Older keys stay listed for one window after a
     * rotation, so that callers are still recognised; then they are removed.
     *
     * @param window      how long a caller is remembered (the hash's time to live)
     * @param countryCode the country calling code that national numbers (0...) belong to
     * @param keys        id: base64 of at least 32 random bytes, from the environment or {@code file:PATH}
     */
    public record RepeatCallersConfig(Boolean enabled, Duration window, String countryCode, String currentKey,
                                      Map<String, String> keys) {
        public RepeatCallersConfig {
            enabled = enabled != null && enabled;
            window = window == null ? Duration.ofDays(30) : window;
            countryCode = countryCode == null ? "40" : countryCode;
            currentKey = currentKey == null ? "" : currentKey;
            keys = keys == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        }

        void validate() {
            Check.positive(window, "telephony.repeatCallers.window");
            Check.that(countryCode.matches("[1-9][0-9]{0,2}"), "telephony.repeatCallers.countryCode",
                    "must be a country calling code such as 40, without + or 00");
            if (enabled) {
                KeyText.checkRing(currentKey, keys, "telephony.repeatCallers");
            }
        }

        /** Key ids only. */
        @Override
        public String toString() {
            return "RepeatCallersConfig[enabled=" + enabled + ", window=" + window + ", currentKey=" + currentKey
                    + ", keys=" + KeyText.ids(keys) + "]";
        }
    }
}
