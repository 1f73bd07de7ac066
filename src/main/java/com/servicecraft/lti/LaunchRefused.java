package com.servicecraft.lti;

/**
 * A launch (or a login initiation) that is refused, with the reason shown to the person (message
 * key {@code lti.refused.<code>}) and a detail for the log. Nothing has been created when it is thrown.
 */
public class LaunchRefused extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why; each has its bilingual text under {@code lti.refused.<code>}. */
    public enum Reason {
        BAD_REQUEST("badRequest"),
        UNKNOWN_PLATFORM("unknownPlatform"),
        PLATFORM_DISABLED("platformDisabled"),
        UNKNOWN_STATE("unknownState"),
        BAD_TOKEN("badToken"),
        WRONG_ISSUER("wrongIssuer"),
        BAD_SIGNATURE("badSignature"),
        KEYS_UNAVAILABLE("keysUnavailable"),
        WRONG_AUDIENCE("wrongAudience"),
        EXPIRED("expired"),
        NOT_YET_VALID("notYetValid"),
        NONCE("nonce"),
        UNKNOWN_DEPLOYMENT("unknownDeployment"),
        VERSION("version"),
        MESSAGE_TYPE("messageType"),
        MISSING_CLAIM("missingClaim"),
        ROLE_NOT_ALLOWED("roleNotAllowed"),
        ACCOUNT_INACTIVE("accountInactive");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public String messageKey() {
            return "lti.refused." + code;
        }
    }

    private final Reason reason;
    /** The platform the refused request named, when it is registered (for the audit and the frame policy). */
    private final LtiPlatform platform;

    public LaunchRefused(Reason reason, String detail) {
        this(reason, detail, null);
    }

    public LaunchRefused(Reason reason, String detail, LtiPlatform platform) {
        super(detail);
        this.reason = reason;
        this.platform = platform;
    }

    public Reason reason() {
        return reason;
    }

    public LtiPlatform platform() {
        return platform;
    }
}
