package org.helpline.core;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * When the line is staffed: hours per weekday in the helpline's own time zone, minus holidays. A day
 * with no hours is closed all day.
 *
 * @param holidays      single dates (e.g. a moved bank holiday)
 * @param yearlyHolidays dates closed every year (e.g. 12-25)
 */
public record OpeningHours(ZoneId zone, Map<DayOfWeek, List<Hours>> week, Set<LocalDate> holidays,
                           Set<MonthDay> yearlyHolidays) {

    public OpeningHours {
        Objects.requireNonNull(zone, "zone");
        EnumMap<DayOfWeek, List<Hours>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, hours) -> copy.put(day, List.copyOf(hours)));
        week = Map.copyOf(copy);
        holidays = Set.copyOf(holidays);
        yearlyHolidays = Set.copyOf(yearlyHolidays);
    }

    /** One stretch of a day; {@code closes} of 00:00 means midnight at the end of the day. */
    public record Hours(LocalTime opens, LocalTime closes) {
        public Hours {
            Objects.requireNonNull(opens, "opens");
            Objects.requireNonNull(closes, "closes");
            if (!closes.equals(LocalTime.MIDNIGHT) && !opens.isBefore(closes)) {
                throw new IllegalArgumentException("opens at " + opens + " but closes at " + closes);
            }
        }

        /** Reads {@code 08:00-16:00}; {@code 24:00} stands for the end of the day. */
        public static Hours parse(String text) {
            String[] ends = text.trim().split("\\s*-\\s*");
            if (ends.length != 2) {
                throw new IllegalArgumentException("'" + text + "' is not hours such as 08:00-16:00");
            }
            try {
                LocalTime closes = ends[1].equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(ends[1]);
                return new Hours(LocalTime.parse(ends[0]), closes);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not hours such as 08:00-16:00", e);
            }
        }

        boolean contains(LocalTime time) {
            return !time.isBefore(opens) && (closes.equals(LocalTime.MIDNIGHT) || time.isBefore(closes));
        }
    }

    public boolean isOpenAt(Instant instant) {
        // asked for every call and chat: no streams, no time-zone objects beyond the one conversion
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        LocalDate date = local.toLocalDate();
        if (isHoliday(date)) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        for (Hours hours : week.getOrDefault(local.getDayOfWeek(), List.of())) {
            if (hours.contains(time)) {
                return true;
            }
        }
        return false;
    }

    /** Holidays from today on, for {@code days} days, that fall on a day that otherwise has hours: when to not come back. */
    public List<LocalDate> holidaysAhead(Instant now, int days) {
        LocalDate today = now.atZone(zone).toLocalDate();
        return today.datesUntil(today.plusDays(days))
                .filter(date -> isHoliday(date) && !week.getOrDefault(date.getDayOfWeek(), List.of()).isEmpty())
                .toList();
    }

    private boolean isHoliday(LocalDate date) {
        return holidays.contains(date)
                || !yearlyHolidays.isEmpty() && yearlyHolidays.contains(MonthDay.of(date.getMonth(), date.getDayOfMonth()));
    }
}
