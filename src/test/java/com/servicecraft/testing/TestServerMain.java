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
 * Started by {@link TestServer}; prints {@code SERVICECRAFT-STARTED <port>} when ready. The
 * application's clock is an {@link AdjustableClock} that {@link TestServer#advanceClock} moves.
 */
public final class TestServerMain {
    private TestServerMain() {
    }

    /**
     * Reads {@link TestServer}'s commands from standard input, one a line: {@code advance <ISO duration>}
     * moves the clock forward and answers {@code SERVICECRAFT-CLOCK <offset>}.
     */
    private static void obeyCommands(AdjustableClock clock) {
        Thread commands = new Thread(() -> {
            try (java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("advance ")) {
                        java.time.Duration offset = clock.advance(java.time.Duration.parse(line.substring("advance ".length()).trim()));
                        System.out.println("SERVICECRAFT-CLOCK " + offset);
                        System.out.flush();
                    }
                }
            } catch (java.io.IOException ignored) {
                // the test JVM went away
            }
        }, "test-server-commands");
        commands.setDaemon(true);
        commands.start();
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
        AdjustableClock clock = new AdjustableClock();
        webapp.setAttribute(com.servicecraft.shared.time.ClockProducer.ATTRIBUTE, clock);
        server.setHandler(webapp);
        server.setStopAtShutdown(true);
        try {
            server.start();
        } catch (Exception e) {
            // Jetty's threads would keep a server that failed to start alive: end now, so that the test fails at once.
            e.printStackTrace();
            System.exit(1);
        }
        System.out.println("SERVICECRAFT-STARTED " + connector.getLocalPort());
        System.out.flush();
        obeyCommands(clock);
        server.join();
    }
}
