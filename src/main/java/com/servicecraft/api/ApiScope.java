package com.servicecraft.api;

/** What an API token may read. */
public enum ApiScope {
    CATALOG_READ("catalog:read"), COMPLETIONS_READ("completions:read");

    private final String value;

    ApiScope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static ApiScope of(String value) {
        for (ApiScope s : values()) {
            if (s.value.equals(value.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scope " + value);
    }
}
