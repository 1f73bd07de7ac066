package com.servicecraft.lti;

/** The origin of a URL a platform gave (its deep-link return URL), for a page's Content-Security-Policy. */
public final class LtiPlatformOrigins {
    private LtiPlatformOrigins() {
    }

    /** scheme://host[:port], or {@code 'none'} for anything that is not an http(s) URL. */
    public static String of(String url) {
        return LtiPlatform.origin(url).orElse("'none'");
    }
}
