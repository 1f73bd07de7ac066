package com.servicecraft.shared.web;

import com.servicecraft.shared.settings.Settings;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

/**
 * Whether the application sits behind a TLS-terminating reverse proxy that the operator trusts
 * ({@code SERVICECRAFT_TRUST_PROXY=true}). Only then are {@code X-Forwarded-Proto} and
 * {@code Forwarded: proto=} believed; without the setting a client could claim https itself.
 * The proxy must overwrite (not append to) these headers.
 */
public record ProxySettings(boolean trusted) {
    public static ProxySettings fromEnvironment() {
        return new ProxySettings(Settings.current().trustProxy());
    }

    /** True when the trusted proxy says the client's connection was https. */
    public boolean forwardedHttps(HttpServletRequest req) {
        if (!trusted) {
            return false;
        }
        String proto = req.getHeader("X-Forwarded-Proto");
        if (proto != null) {
            return proto.trim().equalsIgnoreCase("https");
        }
        String forwarded = req.getHeader("Forwarded");
        if (forwarded != null) {
            // The first element is the one the client's own hop added: "for=...;proto=https;host=..."
            String first = forwarded.split(",", 2)[0];
            for (String pair : first.split(";")) {
                String[] kv = pair.trim().split("=", 2);
                if (kv.length == 2 && kv[0].trim().toLowerCase(Locale.ROOT).equals("proto")) {
                    return kv[1].trim().replace("\"", "").equalsIgnoreCase("https");
                }
            }
        }
        return false;
    }
}
