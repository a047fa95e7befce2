/**
 * Live figures about queues and operators, built from the router's events: Prometheus metrics now,
 * the supervisor stream later. Anonymous by construction: it sees no personal data.
 * Depends on core and bus.
 */
package org.helpline.supervision;
