package com.servicecraft.identity;

import com.servicecraft.shared.Language;
import java.time.Instant;

/** The outcome of a sign-in attempt. Unknown user, wrong password and inactive account look alike. */
public sealed interface SignInResult {
    record Success(SignedInUser user, boolean mustChangePassword, Language language) implements SignInResult {
    }

    record Rejected() implements SignInResult {
    }

    /** Too many attempts: none is checked before {@code until}. */
    record Throttled(Instant until) implements SignInResult {
    }

    /** The right temporary password, but its time has run out: an administrator must issue a new one. */
    record TemporaryPasswordExpired() implements SignInResult {
    }
}
