package com.servicecraft.system;

import com.servicecraft.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An operator's typo in a setting stops the server at start, and the log names the variable. */
class ABadSettingStopsTheStartIT {

    @Test
    void theServerDoesNotStartAndSaysWhichVariableIsWrong() throws Exception {
        try (TestServer server = TestServer.withEnvironment(Map.of("SERVICECRAFT_SWEEP_SECONDS", "half a minute"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, server::start);
            assertTrue(e.getMessage().contains("SERVICECRAFT_SWEEP_SECONDS must be a whole number from 1 to 86400, not \"half a minute\""),
                    e.getMessage());
        }
    }
}
