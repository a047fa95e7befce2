package org.helpline.supervision;

import java.time.Duration;
import java.util.Collection;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.bus.CoreJson;
import org.helpline.core.Channel;
import org.helpline.core.Contact;
import org.helpline.core.Operator;

/**
 * How the supervisor stream shows contacts, operators and figures (docs/protocol.md, "Supervisor socket").
 * Less than the operators see: no channel handle, no one who missed the contact; nothing personal (the topic,
 * one of a few fixed words the caller chose, is not).
 */
final class SupervisorJson {
    private SupervisorJson() {
    }

    static JsonObject contact(Contact contact) {
        JsonObject json = new JsonObject()
                .put("id", contact.id())
                .put("channel", CoreJson.lower(contact.channel()))
                .put("language", contact.language())
                .put("topic", contact.topic())
                .put("priority", CoreJson.lower(contact.priority()))
                .put("state", CoreJson.lower(contact.state()))
                .put("queuedAt", contact.queuedAt().toString())
                .put("stateSince", contact.stateSince().toString());
        if (contact.operatorId() != null) {
            json.put("operatorId", contact.operatorId());
        }
        return json;
    }

    /** @param current the channels of the contacts the operator holds now (offered, in conversation, wrap-up) */
    static JsonObject operator(Operator operator, Collection<Channel> current) {
        JsonObject json = new JsonObject()
                .put("id", operator.id())
                .put("presence", CoreJson.lower(operator.presence()))
                .put("state", CoreJson.lower(operator.state()))
                .put("stateSince", operator.stateSince().toString())
                .put("load", operator.load())
                .put("languages", new JsonArray(operator.profile().languages().stream().sorted().toList()))
                .put("channels", new JsonArray(operator.profile().channels().stream().map(CoreJson::lower).sorted().toList()))
                .put("current", new JsonArray(current.stream().distinct().map(CoreJson::lower).sorted().toList()));
        if (operator.pauseReason() != null) {
            json.put("pauseReason", operator.pauseReason());
        }
        return json;
    }

    /** Today's figures, with the last 30 minutes' as {@code lastHalfHour}; each per channel and per language. */
    static JsonObject figures(DailyFigures figures) {
        return breakdown(figures.today())
                .put("day", figures.day().toString())
                .put("thresholdSeconds", figures.threshold().toSeconds())
                .put("lastHalfHour", breakdown(figures.lastHalfHour())
                        .put("minutes", RecentFigures.WINDOW.toMinutes()));
    }

    private static JsonObject breakdown(Breakdown figures) {
        JsonObject byChannel = new JsonObject();
        for (Channel channel : Channel.values()) {
            byChannel.put(CoreJson.lower(channel), tally(figures.of(channel)));
        }
        JsonObject byLanguage = new JsonObject();
        figures.byLanguage().forEach((language, tally) -> byLanguage.put(language, tally(tally)));
        return tally(figures.all()).put("byChannel", byChannel).put("byLanguage", byLanguage);
    }

    private static JsonObject tally(Tally tally) {
        return new JsonObject()
                .put("offered", tally.offered())
                .put("answered", tally.answered())
                .put("answeredInThreshold", tally.answeredInThreshold())
                .put("abandoned", tally.abandoned())
                .put("serviceLevel", tally.serviceLevel())
                .put("abandonedShare", tally.abandonedShare())
                .put("averageWaitSeconds", seconds(tally.averageWait()))
                .put("averageHandlingSeconds", seconds(tally.averageHandling()));
    }

    private static Double seconds(Duration duration) {
        return duration == null ? null : duration.toMillis() / 1000.0;
    }
}
