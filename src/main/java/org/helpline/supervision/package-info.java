/**
 * What supervisors see and do: the live floor (waiting contacts, operators, today's figures, alerts) kept from
 * the router's events, the supervisor stream ({@code /supervisor/ws}: a snapshot, then coalesced updates), the
 * supervisors' actions and their audit log, and the Prometheus metrics. Anonymous by construction: it sees no
 * personal data, and its audit log records who did what to which contact, never what was said.
 * Depends on core, bus and wire.
 */
package org.helpline.supervision;
