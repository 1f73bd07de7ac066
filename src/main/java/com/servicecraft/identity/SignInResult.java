package com.servicecraft.identity;

import java.time.Instant;

/** The outcome of a sign-in attempt. Unknown user, wrong password and inactive account look alike. */
public sealed interface SignInResult {
    record Success(SignedInUser user, boolean mustChangePassword, Language language) implements SignInResult {
    }

    record Rejected() implements SignInResult {
    }

    record Throttled(Instant until) implements SignInResult {
    }
}
