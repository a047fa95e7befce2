package org.helpline.chat;

import java.util.HashMap;
import java.util.Map;

import org.helpline.core.Channel;
import org.helpline.core.Operator;
import org.helpline.core.Presence;

/**
 * The operators as their events describe them, the names callers see and whose consoles are open: who
 * could take a chat in a language, how many chats they can hold at once, and whether what is sent to
 * them now is delivered. Confined to the chat room's context.
 */
final class ChatRoster {
    private final Map<String, Operator> operators = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Integer> consoles = new HashMap<>();

    /** @return the operator as known before, or null */
    Operator update(Operator operator) {
        return operators.put(operator.id(), operator);
    }

    void consoleOpened(String operatorId, String displayName) {
        names.put(operatorId, displayName);
        consoles.merge(operatorId, 1, Integer::sum);
    }

    void consoleClosed(String operatorId) {
        consoles.computeIfPresent(operatorId, (id, open) -> open > 1 ? open - 1 : null);
    }

    /** Whether a message sent to this operator now reaches a console of theirs. */
    boolean hasConsole(String operatorId) {
        return operatorId != null && consoles.containsKey(operatorId);
    }

    /** The display name of the operator's account, or null before their console first opened. */
    String nameOf(String operatorId) {
        return names.get(operatorId);
    }

    /**
     * Someone signed in (available or paused, busy or not) takes chats in this language. Nobody means
     * the caller is told to call or come back, rather than wait for no one.
     */
    boolean canServe(String language) {
        return chatSlots(language) > 0;
    }

    /** How many chats in this language the signed-in operators can hold at once. */
    int chatSlots(String language) {
        int slots = 0;
        for (Operator operator : operators.values()) {
            if (operator.presence() != Presence.OFFLINE && operator.profile().channels().contains(Channel.CHAT)
                    && operator.profile().languages().contains(language)) {
                slots += operator.profile().chatCapacity();
            }
        }
        return slots;
    }
}
