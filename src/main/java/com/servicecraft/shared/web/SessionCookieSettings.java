package com.servicecraft.shared.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Behind a trusted TLS-terminating proxy every browser reaches the application over https, so the
 * session cookie is always marked {@code Secure} (its name and flags are otherwise set in web.xml).
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (ProxySettings.fromEnvironment().trusted()) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
