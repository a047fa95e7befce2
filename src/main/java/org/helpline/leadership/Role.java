package org.helpline.leadership;

/** What a server does right now. */
public enum Role {
    /** Serves: routes, records, answers Asterisk and the web. */
    ACTIVE,
    /** Won the lease and is loading the state, connecting Asterisk and opening its ports. */
    TAKING_OVER,
    /** Lost the lease (or is shutting down) and is closing everything of its term. */
    STEPPING_DOWN,
    /** Answers /ready with 503 and waits to take over. */
    STANDBY,
    /** Stands by (as {@link #STANDBY}) while it prepares for a takeover; it can take over already, only more slowly. */
    WARMING_UP;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
