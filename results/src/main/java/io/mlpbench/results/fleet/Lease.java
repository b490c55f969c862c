package io.mlpbench.results.fleet;

import java.util.UUID;

/**
 * A claimed cell. The token, not the owner's name, proves ownership: a worker whose lease expired
 * and was claimed again by someone else (even a restarted worker of the same name) no longer holds
 * it, so it can neither renew nor complete the cell.
 *
 * @param attempt this claim's attempt number, 1-based
 */
public record Lease(
    String cellKey, UUID token, String owner, FleetCell cell, int attempt, int maxAttempts) {}
