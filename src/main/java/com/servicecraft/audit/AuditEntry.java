package com.servicecraft.audit;

import java.time.Instant;

/**
 * One line of the audit trail: who ({@code actorName} stays readable after the account is gone),
 * when, through which channel (web, api), what, with which filters, how many rows, and the outcome.
 */
public record AuditEntry(long id, Instant at, Long actorId, String actorName, String channel, String action,
                         String filters, Long rowCount, String outcome) {
}
