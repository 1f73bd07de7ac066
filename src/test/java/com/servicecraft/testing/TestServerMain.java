package com.servicecraft.testing;

import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Runs the built WAR (exploded) in Jetty, in its own JVM, the way an operator would run it.
 * Started by {@link TestServer}; prints {@code SERVICECRAFT-STARTED <port>} when ready.
 */
public final class TestServerMain {
    private TestServerMain() {
    }

    public static void main(String[] args) throws Exception {
        String war = args[0];
        int port = Integer.parseInt(args[1]);
        Server server = new Server();
        // No "Server: Jetty(...)" header and no version in Jetty's own error pages (as in production).
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowMessageInTitle(false);
        server.setErrorHandler(errors);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        WebAppContext webapp = new WebAppContext();
        webapp.setWar(war);
        webapp.setContextPath("/");
        webapp.setThrowUnavailableOnStartupException(true);
        webapp.addConfiguration(new AnnotationConfiguration());
        server.setHandler(webapp);
        server.setStopAtShutdown(true);
        server.start();
        System.out.println("SERVICECRAFT-STARTED " + connector.getLocalPort());
        System.out.flush();
        server.join();
    }
}
