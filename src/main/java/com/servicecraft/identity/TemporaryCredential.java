package com.servicecraft.identity;

import java.io.Serializable;
import java.time.Instant;

/**
 * A person's one-time first password, as shown once to the administrator who created or imported
 * them (and exportable right then). Only its hash is stored.
 */
public record TemporaryCredential(long userId, String username, String employeeNumber, String displayName,
                                  String password, Instant expiresAt) implements Serializable {
}
