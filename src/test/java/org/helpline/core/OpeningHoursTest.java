package org.helpline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.helpline.core.OpeningHours.Hours;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {
    private static final ZoneId BUCHAREST = ZoneId.of("Europe/Bucharest");
    private static final List<Hours> OFFICE = List.of(Hours.parse("08:00-16:00"));

    private final OpeningHours weekdays = new OpeningHours(BUCHAREST,
            Map.of(DayOfWeek.MONDAY, OFFICE, DayOfWeek.TUESDAY, OFFICE, DayOfWeek.WEDNESDAY, OFFICE,
                    DayOfWeek.THURSDAY, OFFICE, DayOfWeek.FRIDAY, OFFICE),
            Set.of(LocalDate.parse("2026-11-30")), Set.of(MonthDay.of(12, 25)));

    @Test
    void opensAndClosesInTheHelplinesOwnTimeZone() {
        // Monday 23 November 2026; Bucharest is UTC+2 in winter
        assertThat(weekdays.isOpenAt(Instant.parse("2026-11-23T05:59:59Z"))).isFalse();
        assertThat(weekdays.isOpenAt(Instant.parse("2026-11-23T06:00:00Z"))).isTrue();
        assertThat(weekdays.isOpenAt(Instant.parse("2026-11-23T13:59:59Z"))).isTrue();
        assertThat(weekdays.isOpenAt(Instant.parse("2026-11-23T14:00:00Z"))).isFalse();
    }

    @Test
    void followsSummerTime() {
        // Monday 6 July 2026; Bucharest is UTC+3 in summer
        assertThat(weekdays.isOpenAt(Instant.parse("2026-07-06T05:30:00Z"))).isTrue();
        assertThat(weekdays.isOpenAt(Instant.parse("2026-07-06T13:30:00Z"))).isFalse();
    }

    @Test
    void aDayWithoutHoursIsClosed() {
        assertThat(weekdays.isOpenAt(Instant.parse("2026-11-22T10:00:00Z"))).as("Sunday").isFalse();
    }

    @Test
    void holidaysAreClosed() {
        assertThat(weekdays.isOpenAt(Instant.parse("2026-11-30T10:00:00Z"))).as("one-off holiday").isFalse();
        assertThat(weekdays.isOpenAt(Instant.parse("2026-12-25T10:00:00Z"))).as("every 25 December").isFalse();
        assertThat(weekdays.isOpenAt(Instant.parse("2026-12-24T10:00:00Z"))).isTrue();
    }

    @Test
    void tellsTheHolidaysAheadThatCloseAnOtherwiseOpenDay() {
        // Saturday 28 November 2026: Monday 30 November is a one-off holiday; 25 December is too far
        assertThat(weekdays.holidaysAhead(Instant.parse("2026-11-28T10:00:00Z"), 14))
                .containsExactly(LocalDate.parse("2026-11-30"));
        // 25 December 2027 is a Saturday, closed anyway: not worth saying
        assertThat(weekdays.holidaysAhead(Instant.parse("2027-12-20T10:00:00Z"), 14)).isEmpty();
        assertThat(weekdays.holidaysAhead(Instant.parse("2026-12-20T10:00:00Z"), 14))
                .containsExactly(LocalDate.parse("2026-12-25"));
    }

    @Test
    void aDayMayHaveSeveralStretchesAndRunToMidnight() {
        OpeningHours split = new OpeningHours(ZoneId.of("UTC"),
                Map.of(DayOfWeek.MONDAY, List.of(Hours.parse("08:00-12:00"), Hours.parse("18:00-24:00"))),
                Set.of(), Set.of());
        assertThat(split.isOpenAt(Instant.parse("2026-11-23T12:30:00Z"))).isFalse();
        assertThat(split.isOpenAt(Instant.parse("2026-11-23T23:59:59Z"))).isTrue();
        assertThat(split.isOpenAt(Instant.parse("2026-11-24T00:00:00Z"))).isFalse();
    }

    @Test
    void readsHoursAsPeopleWriteThem() {
        assertThat(Hours.parse(" 08:30 - 16:00 ")).isEqualTo(new Hours(LocalTime.of(8, 30), LocalTime.of(16, 0)));
        assertThatThrownBy(() -> Hours.parse("8 to 4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hours.parse("16:00-08:00")).isInstanceOf(IllegalArgumentException.class);
    }
}
