/**
 * The helpline's last step for a presumed victim: the referral into the national identification and
 * referral mechanism (HG 88/2023), or a third party's notification of a possible victim.
 * {@link org.helpline.referral.Assessment} applies the configured rule set and says why; a referral holds only the minimum (see {@link org.helpline.referral.Payload}),
 * sealed with AES-GCM until the partner acknowledges it; {@link org.helpline.referral.ReferralDesk}
 * keeps the outbox in the store and delivers with signed, idempotent, retried requests; then only the
 * reference, status and timestamps stay, until the retention period ends. Depends on core, store,
 * config and privacy.
 */
package org.helpline.referral;
