/**
 * Anonymous statistics: daily counters by channel, language, topic, outcome and referral route, kept from
 * the router's and the referral desk's events and stored with a time to live; exported as CSV for
 * supervisors. One counter per dimension and value, never combinations, so that small numbers cannot
 * single anyone out; values come only from configuration and validated codes. Depends on core, store and
 * config.
 */
package org.helpline.statistics;
